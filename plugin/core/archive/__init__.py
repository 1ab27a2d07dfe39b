"""Publishing an archive: many scenes through convert → validate → upload → register, locally or on a Dask cluster."""
