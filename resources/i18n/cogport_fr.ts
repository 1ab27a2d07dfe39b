<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>Cogport</name>
    <message>
      <source>Cloud Optimized GeoTIFF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Object storage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cloud services</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register Sentinel Hub BYOC tiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Registers tiles in a Sentinel Hub BYOC collection and outputs them as a layer with their status.

COLLECTION is a collection id or an exact name; with CREATE, a missing collection is created for BUCKET. TILE_PATHS holds one tile path per line, relative to the bucket, usually with the (BAND) placeholder, e.g. 2019/11/27/28V/(BAND).tif. SENSING_TIME_PATTERN reads the sensing time from each path: a strftime pattern (%Y/%m/%d) or a regular expression with named groups year, month, day (and hour, minute, second, or doy). Tiles already in the collection are reported and not sent again, so a re-run resumes. With WAIT, the status is polled until every tile is INGESTED or FAILED; failure causes are reported.

CONNECTION names a connection saved in the Sentinel Hub BYOC panel. When empty, the OAuth client comes from SH_CLIENT_ID and SH_CLIENT_SECRET, the service from COGPORT_SH_BASE_URL (default https://services.sentinel-hub.com) and COGPORT_SH_TOKEN_URL (default: the deployment's token URL).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>List Sentinel Hub BYOC tiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lists the tiles of a BYOC collection (id or exact name) as footprints in EPSG:4326 with path, status, sensing time, creation time and failure cause; STATUS keeps only tiles in that state.

CONNECTION names a connection saved in the Sentinel Hub BYOC panel. When empty, the OAuth client comes from SH_CLIENT_ID and SH_CLIENT_SECRET, the service from COGPORT_SH_BASE_URL (default https://services.sentinel-hub.com) and COGPORT_SH_TOKEN_URL (default: the deployment's token URL).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Convert to COG</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Converts a raster to a Cloud Optimized GeoTIFF laid out for the chosen target. Lossless unless you pick a lossy compression: full-resolution pixels equal the source's (the web profile reprojects and so resamples). CRS, geotransform, nodata, band descriptions, colour table and metadata are kept. The file appears only once complete; cancelling leaves nothing behind.

Profiles:
{profiles}

COMPRESS: empty keeps the profile's compression (e.g. DEFLATE, ZSTD, LZW; JPEG is refused by byoc). BLOCKSIZE: 0 keeps the profile's tile size (earthengine and byoc allow 256, 512, 1024, 2048). SPLIT_BANDS: one single-band COG per band beside OUTPUT, named &lt;stem&gt;_B01.tif, &lt;stem&gt;_B02.tif, … (or put (BAND) in the output name); OUTPUT then returns the first band's file and OUTPUTS lists them all.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register Earth Engine asset (COG-backed)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Registers gs:// Cloud Optimized GeoTIFFs as an Earth Engine asset (importExternal) after pre-flight checks: gs:// only, one COG per tileset, the COG layout Earth Engine needs (read from the headers), the bucket in US / US-CENTRAL1 / a US dual-region with us-central1, Standard storage, flat properties, RFC 3339 times, band indices in range. Any error stops before sending.

CONNECTION names a saved Earth Engine connection; when empty, the token comes from COGPORT_EE_TOKEN and ASSET_ID must be a full projects/&lt;project&gt;/assets/&lt;path&gt;. COGPORT_EE_API_URL and COGPORT_GCS_API_URL override the service addresses.
DRY_RUN only checks and writes MANIFEST_OUTPUT (for `earthengine upload external_image --manifest`). ONE_ASSET_PER_FILE makes ASSET_ID a folder and registers each source as &lt;folder&gt;/&lt;file name&gt;.
The files are read through GDAL /vsigs/ with STORAGE_CONNECTION (a Cogport storage connection), else with the storage connection that last opened the bucket, else with GDAL's own GS_* settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>List bucket objects</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open remote raster</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upload to bucket</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Uploads a local file to S3 (or an S3-compatible store), OpenStack Swift or Google Cloud Storage, checking its size and checksum afterwards. A cancelled or failed upload leaves nothing behind.

DESTINATION: s3://bucket/key, /vsis3/bucket/key, /vsiswift/container/key, gs://bucket/key or /vsigs/bucket/key. A destination ending in '/' means that prefix plus the file's name.
CONNECTION: name of a Cogport storage connection; leave it empty to use GDAL's own credentials (AWS_*, GS_*, SWIFT_* settings, ~/.aws…).
OVERWRITE: replace an existing object; otherwise an existing object stops the upload.
VALID: in a model, connect the VALID output of 'Validate COG' to upload only valid COGs.

Output URI: the uploaded object.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Validate COG</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checks whether a TIFF (local path, /vsis3/, /vsiswift/, /vsigs/ path, or s3:// or gs:// URI) is a valid Cloud Optimized GeoTIFF for the chosen target, reading only the file's header.

Profiles: generic (GDAL's COG layout rules), earthengine (Earth Engine COG-backed assets), byoc (Sentinel Hub Bring Your Own COG), web (web maps in EPSG:3857).

Outputs VALID (no errors), the ERRORS and WARNINGS counts and, optionally, a JSON report {path, profile, valid, findings:[{code, severity, message, fix}], bytes_read}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BrowserDock</name>
    <message>
      <source>Cogport buckets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Storage connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New connection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit connection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Test, export or import connections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filter names…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refresh (reload from the store)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Modified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add by URI: s3://bucket/key.tif, gs://…, /vsiswift/…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add to map</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ByocConnectionDialog</name>
    <message>
      <source>BYOC connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deployment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Base URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>https://services.sentinel-hub.com (custom deployments only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Token URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OAuth token endpoint (custom deployments only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Client id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Client secret</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>stored in the QGIS authentication database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create an OAuth client in the Sentinel Hub (or Copernicus Data Space) dashboard under User settings. The id and secret are kept in the QGIS authentication database.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ByocDock</name>
    <message>
      <source>Sentinel Hub BYOC</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved Sentinel Hub BYOC connections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Collections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rename…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deletes the collection and all its tiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No collection selected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register tiles…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reingest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete tile…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sensing time…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cover from selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set the cover geometry of the selected tile from the selected polygon of the active layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Footprints on map</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Poll status until every tile is ingested or failed</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ByocRegisterDialog</name>
    <message>
      <source>Register BYOC tiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Collection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bucket</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>s3://bucket (to read the files for checks, bands and cover)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Object keys, prefixes ending in / or tile paths with (BAND), one per line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2019/11/27/28V/B04.tif
2019/11/27/28V/B08.tif
… or 2019/11/27/28V/(BAND).tif</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Group into tiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Group object keys into tiles and propose (BAND) path templates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sensing time from path</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%Y/%m/%d or (?P&lt;year&gt;\d{4})(?P&lt;month&gt;\d\d)(?P&lt;day&gt;\d\d)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>or sensing time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2019-11-27T10:30:00Z (empty: none)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pre-flight: check every file with the byoc profile (headers only) and the bucket region</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Configure the collection's bands from the first tile (if it has none)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Trace cover geometry from the valid-data mask (≤ 100 points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel run</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ConnectionDialog</name>
    <message>
      <source>Cogport storage connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. Project rasters on OVH</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Store</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Authentication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Endpoint</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>host[:port], e.g. s3.gra.io.cloud.ovh.net</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Region</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. eu-central-1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>HTTPS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Path-style addressing (host/bucket)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Auth URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>https://auth.example.com/auth/v1.0 or …/v3</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Storage URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>https://storage.example.com/v1/AUTH_account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Project</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User domain</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Project domain</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Access key ID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Secret key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session token</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>optional</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service-account key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paste the JSON key file downloaded from the Google Cloud console</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Buckets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>comma-separated; needed where the store cannot list buckets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keys, passwords and tokens are stored only in the QGIS authentication database, never in settings, projects or exports.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Test connection</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ConvertDialog</name>
    <message>
      <source>Convert to COG</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rasters to convert (checked ones are converted)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Local raster files, or /vsi… paths of objects in a bucket</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add map layers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add files…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add folder…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove selected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Override the profile's defaults</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compression</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Level / quality</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tile size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overview resampling</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nodata value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep the source's</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bands</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All bands (or e.g. 4,3,2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One single-band COG per band (&lt;name&gt;_B01.tif, &lt;name&gt;_B02.tif, …)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Destination folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File names</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stem}.tif</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stem} is the source name without extension, {name} with it, {profile} the profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add the results to the map</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Convert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EarthEngineConnectionDialog</name>
    <message>
      <source>Earth Engine connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Earth Engine bills and authorises every request through a Google Cloud project. Enter that project's &lt;b&gt;ID&lt;/b&gt; (for example &lt;i&gt;my-ee-project&lt;/i&gt;, shown in the Cloud console's project picker), not its display name. The project must be registered for Earth Engine (&lt;a href="https://code.earthengine.google.com/register"&gt;code.earthengine.google.com/register&lt;/a&gt;), and the account needs the Earth Engine Resource Writer role on it. Without a valid project ID, Earth Engine answers NOT_FOUND or PERMISSION_DENIED.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cloud project ID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>my-ee-project</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Credentials</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A short-lived OAuth2 access token, e.g. from `gcloud auth print-access-token`. It expires after about an hour. It is stored in the QGIS authentication database only.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ya29.…  (leave empty to keep the saved token)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A service-account JSON key. Cogport signs it into tokens as needed; the key is stored in the QGIS authentication database only. The service account must be registered for Earth Engine and may read the bucket.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paste the key JSON, or load it from a file (leave empty to keep the saved key)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Load key file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A QGIS OAuth2 authentication configuration for Google (scope https://www.googleapis.com/auth/earthengine, plus https://www.googleapis.com/auth/devstorage.read_only for the bucket checks). QGIS signs in and renews the token.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service addresses (private endpoints and tests; empty = default or COGPORT_EE_API_URL / COGPORT_GCS_API_URL)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Earth Engine API</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>https://earthengine.googleapis.com</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cloud Storage API</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>https://storage.googleapis.com</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>color: #b00020;</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EarthEngineDialog</name>
    <message>
      <source>Register Earth Engine asset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Asset ID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>projects/my-ee-project/assets/folder/image  (or just folder/image: the connection's project is used)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One Cloud Optimized GeoTIFF per tileset, as gs://bucket/object. The bucket must be in the US multi-region, US-CENTRAL1 or a US dual-region with us-central1, in Standard storage.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tileset id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gs:// URI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bands from files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fill the bands table from the files: band descriptions (else b1, b2, …) and nodata.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The asset's bands in order. Band index is zero-based within its tileset. Missing data: comma-separated values (empty: not set). Leave the table empty to take every band of every file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Band id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Band index</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Missing data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pyramiding policy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move down</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mask band (last band of tileset)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Masked bands</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>comma-separated band ids (empty: all bands)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Property</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Value (number or text)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2024-05-01T00:00:00Z or 2024-05-01 (UTC)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>End time (exclusive)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>URI prefix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>optional, prepended to every URI, e.g. gs://bucket/folder/</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overwrite an existing asset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pin object generations (#generation)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register exactly the current version of each object. Keep that version (object versioning) if you overwrite the file later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One asset per file (Asset ID is a folder)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register each tileset's file as its own asset, named &lt;Asset ID&gt;/&lt;file name&gt;, with bands read from the file and the properties and times above.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Severity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import manifest…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export manifest…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Register</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PublishDock</name>
    <message>
      <source>Cogport: publish to bucket</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Step</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add files…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add selected layers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Raster layers of the Layers panel that are backed by local files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Destination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>s3://bucket/prefix/, gs://bucket/prefix/ or /vsiswift/container/prefix/</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>COG profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Conversion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If the object exists</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep converted copies (saved next to their sources)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Then register the uploaded COGs (Earth Engine for gs://, BYOC for s3://)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What was uploaded, with its URI, appears here.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ValidationDialog</name>
    <message>
      <source>Validate COG</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File or URI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>/path/to/file.tif, s3://bucket/key.tif, gs://bucket/key.tif or /vsis3/… (several: separate with ;)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose local TIFF files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Validate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fix by converting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open the conversion with the selected profile for the files that have errors</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
