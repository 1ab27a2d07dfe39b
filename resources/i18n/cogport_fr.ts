<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>Cogport</name>
    <message>
      <source>{size} GiB</source>
      <translation>{size} Gio</translation>
    </message>
    <message>
      <source>no memory limit</source>
      <translation>pas de limite de mémoire</translation>
    </message>
    <message>
      <source>no GDAL ({error})</source>
      <translation>pas de GDAL ({error})</translation>
    </message>
    <message>
      <source>1 thread</source>
      <translation>1 thread</translation>
    </message>
    <message>
      <source>{count} threads</source>
      <translation>{count} threads</translation>
    </message>
    <message>
      <source>{address}: {threads}, {memory}, Python {python}, {gdal}</source>
      <translation>{address} : {threads}, {memory}, Python {python}, {gdal}</translation>
    </message>
    <message>
      <source>{workers} workers, {threads} threads, {size} GiB</source>
      <translation>{workers} workers, {threads} threads, {size} Gio</translation>
    </message>
    <message>
      <source>Sending a job to a Dask cluster needs the dask.distributed package.</source>
      <translation>L'envoi d'une tâche à un cluster Dask nécessite le paquet dask.distributed.</translation>
    </message>
    <message>
      <source>that it is installed where QGIS runs: on Debian or Ubuntu `sudo apt install python3-distributed`, elsewhere `python3 -m pip install distributed` with the Python QGIS uses.</source>
      <translation>qu'il est installé là où QGIS s'exécute : sous Debian ou Ubuntu `sudo apt install python3-distributed`, ailleurs `python3 -m pip install distributed` avec le Python qu'utilise QGIS.</translation>
    </message>
    <message>
      <source>'{address}' is not a Dask scheduler address.</source>
      <translation>« {address} » n'est pas une adresse d'ordonnanceur Dask.</translation>
    </message>
    <message>
      <source>the address: it looks like tcp://host:8786.</source>
      <translation>l'adresse : elle a la forme tcp://hôte:8786.</translation>
    </message>
    <message>
      <source>Could not reach the Dask scheduler at {address}.</source>
      <translation>Impossible de joindre l'ordonnanceur Dask à {address}.</translation>
    </message>
    <message>
      <source>the address (tcp://host:8786), that the scheduler is running, and that this computer may reach that port (firewall, VPN).</source>
      <translation>l'adresse (tcp://hôte:8786), que l'ordonnanceur fonctionne et que cet ordinateur peut joindre ce port (pare-feu, VPN).</translation>
    </message>
    <message>
      <source>The Dask scheduler at {address} has no workers.</source>
      <translation>L'ordonnanceur Dask à {address} n'a aucun worker.</translation>
    </message>
    <message>
      <source>that workers are started and connected to it (with dask-jobqueue or dask-gateway, scale the cluster).</source>
      <translation>que des workers sont démarrés et y sont connectés (avec dask-jobqueue ou dask-gateway, augmentez la taille du cluster).</translation>
    </message>
    <message>
      <source>did not answer the probe</source>
      <translation>n'a pas répondu à la sonde</translation>
    </message>
    <message>
      <source>{count} of {total} Dask workers cannot run GDAL ({address}: {error}).</source>
      <translation>{count} workers Dask sur {total} ne peuvent pas exécuter GDAL ({address} : {error}).</translation>
    </message>
    <message>
      <source>the workers' environment: it needs GDAL {version} or newer with its Python bindings (Debian python3-gdal, conda-forge gdal) and requests.</source>
      <translation>l'environnement des workers : il lui faut GDAL {version} ou plus récent avec ses liaisons Python (Debian python3-gdal, conda-forge gdal) et requests.</translation>
    </message>
    <message>
      <source>{count} of {total} Dask workers have GDAL older than {version} ({address}: GDAL {found}).</source>
      <translation>{count} workers Dask sur {total} ont une version de GDAL antérieure à {version} ({address} : GDAL {found}).</translation>
    </message>
    <message>
      <source>the workers' environment: Cogport needs GDAL {version} or newer on every worker.</source>
      <translation>l'environnement des workers : Cogport a besoin de GDAL {version} ou plus récent sur chaque worker.</translation>
    </message>
    <message>
      <source>Dask cluster {address}</source>
      <translation>Cluster Dask {address}</translation>
    </message>
    <message>
      <source>Dask cluster {address} ({summary})</source>
      <translation>Cluster Dask {address} ({summary})</translation>
    </message>
    <message>
      <source>Its result could not be fetched ({error}).</source>
      <translation>Impossible de récupérer son résultat ({error}).</translation>
    </message>
    <message>
      <source>The workers running it died repeatedly (out of memory?). Check the workers' logs and memory.</source>
      <translation>Les workers qui l'exécutaient se sont arrêtés à plusieurs reprises (mémoire insuffisante ?). Vérifiez les journaux et la mémoire des workers.</translation>
    </message>
    <message>
      <source>It failed on the cluster: {error}</source>
      <translation>Échec sur le cluster : {error}</translation>
    </message>
    <message>
      <source>The Dask scheduler at {address} stopped answering in the middle of the job.</source>
      <translation>L'ordonnanceur Dask à {address} a cessé de répondre au milieu de la tâche.</translation>
    </message>
    <message>
      <source>that the scheduler is running, then run the job again: the items done so far are in the manifest and are not redone.</source>
      <translation>que l'ordonnanceur fonctionne, puis relancez la tâche : les éléments déjà terminés figurent dans le manifeste et ne sont pas refaits.</translation>
    </message>
    <message>
      <source>{count} submitted</source>
      <translation>{count} soumis</translation>
    </message>
    <message>
      <source>{count} uploaded</source>
      <translation>{count} téléversé(s)</translation>
    </message>
    <message>
      <source>{count} registered</source>
      <translation>{count} déclaré(s)</translation>
    </message>
    <message>
      <source>{count} skipped</source>
      <translation>{count} ignoré(s)</translation>
    </message>
    <message>
      <source>{count} failed</source>
      <translation>{count} en échec</translation>
    </message>
    <message>
      <source>{count} cancelled</source>
      <translation>{count} annulé(s)</translation>
    </message>
    <message>
      <source>{count} items on {where}: {states} ({done} done by earlier runs).</source>
      <translation>{count} éléments sur {where} : {states} ({done} terminés lors d'exécutions précédentes).</translation>
    </message>
    <message>
      <source>{count} items on {where}: {states}.</source>
      <translation>{count} éléments sur {where} : {states}.</translation>
    </message>
    <message>
      <source> Cancelled: a re-run resumes.</source>
      <translation> Annulé : une nouvelle exécution reprend là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
      <source>Listing the inputs and the destination…</source>
      <translation>Listage des entrées et de la destination…</translation>
    </message>
    <message>
      <source>Publishing {count} items on {where}…</source>
      <translation>Publication de {count} éléments sur {where}…</translation>
    </message>
    <message>
      <source>{uri} already exists</source>
      <translation>{uri} existe déjà</translation>
    </message>
    <message>
      <source>{uri} already exists and was not written by this job. Check whether to overwrite it (IF_EXISTS), skip it, or publish to another prefix.</source>
      <translation>{uri} existe déjà et n'a pas été écrit par cette tâche. Vérifiez s'il faut l'écraser (IF_EXISTS), l'ignorer ou publier vers un autre préfixe.</translation>
    </message>
    <message>
      <source>Cancelling: running items stop and clean up…</source>
      <translation>Annulation : les éléments en cours s'arrêtent et font le ménage…</translation>
    </message>
    <message>
      <source>this computer</source>
      <translation>cet ordinateur</translation>
    </message>
    <message>
      <source>this computer ({count} at a time)</source>
      <translation>cet ordinateur ({count} à la fois)</translation>
    </message>
    <message>
      <source>Publishing {name} failed unexpectedly ({error}).</source>
      <translation>La publication de {name} a échoué de manière inattendue ({error}).</translation>
    </message>
    <message>
      <source>{path} is not visible on {host}.</source>
      <translation>{path} n'est pas visible sur {host}.</translation>
    </message>
    <message>
      <source>that the input folder is on storage every worker mounts at the same path, or give a bucket prefix as the input.</source>
      <translation>que le dossier d'entrée se trouve sur un stockage que chaque worker monte au même chemin, ou indiquez un préfixe de bucket comme entrée.</translation>
    </message>
    <message>
      <source>{path} could not be read.</source>
      <translation>Impossible de lire {path}.</translation>
    </message>
    <message>
      <source>that the object exists and the connection may read it.</source>
      <translation>que l'objet existe et que la connexion peut le lire.</translation>
    </message>
    <message>
      <source>Reading {path} stopped after {done} of {size} bytes.</source>
      <translation>La lecture de {path} s'est arrêtée après {done} octets sur {size}.</translation>
    </message>
    <message>
      <source>the connection.</source>
      <translation>la connexion.</translation>
    </message>
    <message>
      <source>Line {line} of the job manifest {path} is not JSON.</source>
      <translation>La ligne {line} du manifeste de la tâche {path} n'est pas du JSON.</translation>
    </message>
    <message>
      <source>that the file is a Cogport job manifest; move it away to start the job afresh.</source>
      <translation>que le fichier est un manifeste de tâche Cogport ; déplacez-le ailleurs pour recommencer la tâche de zéro.</translation>
    </message>
    <message>
      <source>The job manifest {path} belongs to another job (it differs in: {differences}).</source>
      <translation>Le manifeste de tâche {path} appartient à une autre tâche (différences : {differences}).</translation>
    </message>
    <message>
      <source>its format</source>
      <translation>son format</translation>
    </message>
    <message>
      <source>the MANIFEST: give each job its own manifest file, or remove this one to start afresh.</source>
      <translation>MANIFEST : donnez à chaque tâche son propre fichier manifeste, ou supprimez celui-ci pour recommencer de zéro.</translation>
    </message>
    <message>
      <source>Could not write the job manifest {path}.</source>
      <translation>Impossible d'écrire le manifeste de la tâche {path}.</translation>
    </message>
    <message>
      <source>that its folder exists and is writable.</source>
      <translation>que son dossier existe et est accessible en écriture.</translation>
    </message>
    <message>
      <source>The job manifest is closed.</source>
      <translation>Le manifeste de la tâche est fermé.</translation>
    </message>
    <message>
      <source>Another Cogport job is running with the manifest {path}.</source>
      <translation>Une autre tâche Cogport s'exécute avec le manifeste {path}.</translation>
    </message>
    <message>
      <source>that the other job has finished (or cancel it) before starting this one again.</source>
      <translation>que l'autre tâche est terminée (ou annulez-la) avant de relancer celle-ci.</translation>
    </message>
    <message>
      <source>the shipped Cogport core does not import: {error}</source>
      <translation>le cœur de Cogport envoyé ne s'importe pas : {error}</translation>
    </message>
    <message>
      <source>No rasters were found in {inputs}.</source>
      <translation>Aucun raster n'a été trouvé dans {inputs}.</translation>
    </message>
    <message>
      <source>the input</source>
      <translation>l'entrée</translation>
    </message>
    <message>
      <source>the input: a folder of rasters, a list of files, or a bucket prefix ending in '/'.</source>
      <translation>l'entrée : un dossier de rasters, une liste de fichiers ou un préfixe de bucket terminé par « / ».</translation>
    </message>
    <message>
      <source>{first} and {second} would both be published as {key}.</source>
      <translation>{first} et {second} seraient tous deux publiés sous {key}.</translation>
    </message>
    <message>
      <source>the input: rename one of them, or publish them in two jobs to different prefixes.</source>
      <translation>l'entrée : renommez l'un d'eux, ou publiez-les en deux tâches vers des préfixes différents.</translation>
    </message>
    <message>
      <source>{key} (already in the collection)</source>
      <translation>{key} (déjà dans la collection)</translation>
    </message>
    <message>
      <source>BYOC did not register {key}: {reason}</source>
      <translation>BYOC n'a pas déclaré {key} : {reason}</translation>
    </message>
    <message>
      <source>the collection and the tile.</source>
      <translation>la collection et la tuile.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>Le dossier {folder} n'existe pas.</translation>
    </message>
    <message>
      <source>the input folder.</source>
      <translation>le dossier d'entrée.</translation>
    </message>
    <message>
      <source>The output name pattern '{pattern}' is not valid.</source>
      <translation>Le motif de nom de sortie « {pattern} » n'est pas valide.</translation>
    </message>
    <message>
      <source>the pattern: it may use {stem}, {name} and {profile}, e.g. {stem}_cog.tif.</source>
      <translation>le motif : il peut utiliser {stem}, {name} et {profile}, par ex. {stem}_cog.tif.</translation>
    </message>
    <message>
      <source>Converting {name} failed unexpectedly.</source>
      <translation>La conversion de {name} a échoué de manière inattendue.</translation>
    </message>
    <message>
      <source>the Cogport log for details.</source>
      <translation>le journal Cogport pour plus de détails.</translation>
    </message>
    <message>
      <source>{source} and {other} would both be written to {output}.</source>
      <translation>{source} et {other} seraient tous deux écrits dans {output}.</translation>
    </message>
    <message>
      <source>the output name pattern: include {name} or rename one source.</source>
      <translation>le motif de nom de sortie : incluez {name} ou renommez l'une des sources.</translation>
    </message>
    <message>
      <source>The raster {name} does not exist.</source>
      <translation>Le raster {name} n'existe pas.</translation>
    </message>
    <message>
      <source>the path, and that the file was not moved.</source>
      <translation>le chemin, et que le fichier n'a pas été déplacé.</translation>
    </message>
    <message>
      <source>{name} is not a raster GDAL can read.</source>
      <translation>{name} n'est pas un raster lisible par GDAL.</translation>
    </message>
    <message>
      <source>that the file is complete (not truncated or corrupt) and in a raster format GDAL supports.</source>
      <translation>que le fichier est complet (ni tronqué ni corrompu) et dans un format raster pris en charge par GDAL.</translation>
    </message>
    <message>
      <source>{name} has no raster bands.</source>
      <translation>{name} n'a aucune bande raster.</translation>
    </message>
    <message>
      <source>whether it holds subdatasets; open one of them and convert that.</source>
      <translation>s'il contient des sous-jeux de données ; ouvrez-en un et convertissez celui-ci.</translation>
    </message>
    <message>
      <source>This GDAL build cannot write {compression} compression.</source>
      <translation>Cette version de GDAL ne sait pas écrire la compression {compression}.</translation>
    </message>
    <message>
      <source>the compression: one of {codecs}.</source>
      <translation>la compression : l'une de {codecs}.</translation>
    </message>
    <message>
      <source>{compression} compression is not accepted by the {profile} profile.</source>
      <translation>La compression {compression} n'est pas acceptée par le profil {profile}.</translation>
    </message>
    <message>
      <source>the compression: {service} reads {codecs}.</source>
      <translation>la compression : {service} lit {codecs}.</translation>
    </message>
    <message>
      <source>Written uncompressed as asked; only compressed COGs are documented for {service}.</source>
      <translation>Écrit sans compression comme demandé ; seuls les COG compressés sont documentés pour {service}.</translation>
    </message>
    <message>
      <source>{preferred} is not available in this GDAL build; {compression} was used.</source>
      <translation>{preferred} n'est pas disponible dans cette version de GDAL ; {compression} a été utilisé.</translation>
    </message>
    <message>
      <source>Block size {size} is not allowed by the {profile} profile.</source>
      <translation>La taille de bloc {size} n'est pas autorisée par le profil {profile}.</translation>
    </message>
    <message>
      <source>the block size: {service} accepts {sizes}.</source>
      <translation>la taille de bloc : {service} accepte {sizes}.</translation>
    </message>
    <message>
      <source>{size}-pixel tiles are accepted by {service}, but {recommended} are recommended.</source>
      <translation>Les tuiles de {size} pixels sont acceptées par {service}, mais {recommended} sont recommandés.</translation>
    </message>
    <message>
      <source>Unknown resampling '{resampling}'.</source>
      <translation>Rééchantillonnage « {resampling} » inconnu.</translation>
    </message>
    <message>
      <source>the resampling: {resamplings}.</source>
      <translation>le rééchantillonnage : {resamplings}.</translation>
    </message>
    <message>
      <source>{compression} tiles can only be pixel-interleaved; {service} accepts them, band interleave is recommended.</source>
      <translation>Les tuiles {compression} ne peuvent être qu'entrelacées par pixel ; {service} les accepte, l'entrelacement par bande est recommandé.</translation>
    </message>
    <message>
      <source>EPSG:{epsg} is supported by {service} on {where}.</source>
      <translation>EPSG:{epsg} est pris en charge par {service} sur {where}.</translation>
    </message>
    <message>
      <source>EPSG:{epsg} is not supported by {service} (supported: {supported}): reproject the source first, e.g. with `gdalwarp -t_srs EPSG:4326`.</source>
      <translation>EPSG:{epsg} n'est pas pris en charge par {service} (pris en charge : {supported}) : reprojetez d'abord la source, par ex. avec `gdalwarp -t_srs EPSG:4326`.</translation>
    </message>
    <message>
      <source>The source's CRS (no EPSG code) is not supported by {service} (supported: {supported}): reproject the source first, e.g. with `gdalwarp -t_srs EPSG:4326`.</source>
      <translation>Le SCR de la source (sans code EPSG) n'est pas pris en charge par {service} (pris en charge : {supported}) : reprojetez d'abord la source, par ex. avec `gdalwarp -t_srs EPSG:4326`.</translation>
    </message>
    <message>
      <source>Converting {name} to COG failed.</source>
      <translation>La conversion de {name} en COG a échoué.</translation>
    </message>
    <message>
      <source>that the source is complete and readable, the chosen options suit its data type, and the destination disk has free space.</source>
      <translation>que la source est complète et lisible, que les options choisies conviennent à son type de données et que le disque de destination a de l'espace libre.</translation>
    </message>
    <message>
      <source>COG conversion writes local files only.</source>
      <translation>La conversion en COG n'écrit que des fichiers locaux.</translation>
    </message>
    <message>
      <source>the output path: convert to a local folder, then upload.</source>
      <translation>le chemin de sortie : convertissez vers un dossier local, puis téléversez.</translation>
    </message>
    <message>
      <source>The destination folder {folder} does not exist.</source>
      <translation>Le dossier de destination {folder} n'existe pas.</translation>
    </message>
    <message>
      <source>the output folder.</source>
      <translation>le dossier de sortie.</translation>
    </message>
    <message>
      <source>The destination folder {folder} is not writable.</source>
      <translation>Le dossier de destination {folder} n'est pas accessible en écriture.</translation>
    </message>
    <message>
      <source>the folder's permissions.</source>
      <translation>les permissions du dossier.</translation>
    </message>
    <message>
      <source>The output {name} would replace its source.</source>
      <translation>La sortie {name} remplacerait sa source.</translation>
    </message>
    <message>
      <source>the output name or folder: write the COG beside the source under another name.</source>
      <translation>le nom ou le dossier de sortie : écrivez le COG à côté de la source sous un autre nom.</translation>
    </message>
    <message>
      <source>{name} has no band {band}.</source>
      <translation>{name} n'a pas de bande {band}.</translation>
    </message>
    <message>
      <source>the band list: bands are numbered 1 to {count}.</source>
      <translation>la liste des bandes : les bandes sont numérotées de 1 à {count}.</translation>
    </message>
    <message>
      <source>{name} has no coordinate reference system, so it cannot be put on the web map grid.</source>
      <translation>{name} n'a pas de système de coordonnées de référence : il ne peut donc pas être placé sur la grille de la carte web.</translation>
    </message>
    <message>
      <source>the source's georeferencing, or use the generic profile.</source>
      <translation>le géoréférencement de la source, ou utilisez le profil générique.</translation>
    </message>
    <message>
      <source>The TIFF header points past the end of the {size}-byte file: the file was cut short or is damaged.</source>
      <translation>L'en-tête TIFF pointe au-delà de la fin du fichier de {size} octets : le fichier a été tronqué ou est endommagé.</translation>
    </message>
    <message>
      <source>The file is not a readable TIFF: its header is corrupt or truncated.</source>
      <translation>Le fichier n'est pas un TIFF lisible : son en-tête est corrompu ou tronqué.</translation>
    </message>
    <message>
      <source>that the file is a complete GeoTIFF (re-export or re-upload it).</source>
      <translation>que le fichier est un GeoTIFF complet (exportez-le ou téléversez-le à nouveau).</translation>
    </message>
    <message>
      <source>The file is not a TIFF: it holds only {size} bytes.</source>
      <translation>Le fichier n'est pas un TIFF : il ne contient que {size} octets.</translation>
    </message>
    <message>
      <source>that the upload or export completed.</source>
      <translation>que le téléversement ou l'export s'est terminé.</translation>
    </message>
    <message>
      <source>The file is not a TIFF: it does not start with a TIFF byte-order mark.</source>
      <translation>Le fichier n'est pas un TIFF : il ne commence pas par une marque d'ordre des octets TIFF.</translation>
    </message>
    <message>
      <source>that the file is a GeoTIFF, not another format renamed to .tif.</source>
      <translation>que le fichier est un GeoTIFF, et non un autre format renommé en .tif.</translation>
    </message>
    <message>
      <source>The file is not a TIFF: unknown TIFF version {version}.</source>
      <translation>Le fichier n'est pas un TIFF : version TIFF {version} inconnue.</translation>
    </message>
    <message>
      <source>that the file is a GeoTIFF.</source>
      <translation>que le fichier est un GeoTIFF.</translation>
    </message>
    <message>
      <source>The TIFF's IFD chain loops back on itself: the file is corrupt.</source>
      <translation>La chaîne d'IFD du TIFF boucle sur elle-même : le fichier est corrompu.</translation>
    </message>
    <message>
      <source>The TIFF holds no image: its first IFD offset is 0.</source>
      <translation>Le TIFF ne contient aucune image : le décalage de son premier IFD est 0.</translation>
    </message>
    <message>
      <source>The TIFF's first image has no size or no tile/strip offsets: the file is corrupt.</source>
      <translation>La première image du TIFF n'a pas de taille ou pas de décalages de tuiles/bandeaux : le fichier est corrompu.</translation>
    </message>
    <message>
      <source>A TIFF IFD claims {count} entries: the file is corrupt.</source>
      <translation>Un IFD TIFF annonce {count} entrées : le fichier est corrompu.</translation>
    </message>
    <message>
      <source>The storage server refused access to '{path}'.</source>
      <translation>Le serveur de stockage a refusé l'accès à « {path} ».</translation>
    </message>
    <message>
      <source>the access key and secret (or token) of the connection, and that they may read this bucket.</source>
      <translation>la clé d'accès et le secret (ou le jeton) de la connexion, et qu'ils permettent de lire ce bucket.</translation>
    </message>
    <message>
      <source>The storage server holding '{path}' could not be reached.</source>
      <translation>Le serveur de stockage contenant « {path} » est injoignable.</translation>
    </message>
    <message>
      <source>the endpoint address, the network and the proxy settings ({proxy_settings}).</source>
      <translation>l'adresse du point de terminaison, le réseau et les paramètres de proxy ({proxy_settings}).</translation>
    </message>
    <message>
      <source>The file '{path}' does not exist or cannot be read.</source>
      <translation>Le fichier « {path} » n'existe pas ou ne peut pas être lu.</translation>
    </message>
    <message>
      <source>the path.</source>
      <translation>le chemin.</translation>
    </message>
    <message>
      <source>The object '{key}' does not exist in bucket '{bucket}'.</source>
      <translation>L'objet « {key} » n'existe pas dans le bucket « {bucket} ».</translation>
    </message>
    <message>
      <source>the object key (it is case-sensitive).</source>
      <translation>la clé de l'objet (elle est sensible à la casse).</translation>
    </message>
    <message>
      <source>The bucket '{bucket}' does not exist, or these credentials cannot see it.</source>
      <translation>Le bucket « {bucket} » n'existe pas, ou ces identifiants ne permettent pas de le voir.</translation>
    </message>
    <message>
      <source>the bucket name, and the connection's account, endpoint and region.</source>
      <translation>le nom du bucket, ainsi que le compte, le point de terminaison et la région de la connexion.</translation>
    </message>
    <message>
      <source>'{path}' could not be opened.</source>
      <translation>Impossible d'ouvrir « {path} ».</translation>
    </message>
    <message>
      <source>the path and the connection settings.</source>
      <translation>le chemin et les paramètres de la connexion.</translation>
    </message>
    <message>
      <source>Reading the header of '{path}' failed part-way.</source>
      <translation>La lecture de l'en-tête de « {path} » a échoué en cours de route.</translation>
    </message>
    <message>
      <source>the network and the storage server.</source>
      <translation>le réseau et le serveur de stockage.</translation>
    </message>
    <message>
      <source>The file ends inside its TIFF header: it was cut short.</source>
      <translation>Le fichier se termine au milieu de son en-tête TIFF : il a été tronqué.</translation>
    </message>
    <message>
      <source>that it is a GeoTIFF.</source>
      <translation>qu'il s'agit d'un GeoTIFF.</translation>
    </message>
    <message>
      <source>'{path}' is not georeferenced north-up.</source>
      <translation>« {path} » n'est pas géoréférencé avec le nord en haut.</translation>
    </message>
    <message>
      <source>its CRS and geotransform.</source>
      <translation>son SCR et sa géotransformation.</translation>
    </message>
    <message>
      <source>There is no raster under {uri} to make a mosaic of.</source>
      <translation>Il n'y a aucun raster sous {uri} pour en faire une mosaïque.</translation>
    </message>
    <message>
      <source>the prefix, the name pattern, and whether its rasters sit in sub-prefixes (include them).</source>
      <translation>le préfixe, le motif de nom, et si ses rasters se trouvent dans des sous-préfixes (incluez-les).</translation>
    </message>
    <message>
      <source>None of the objects could be read as a georeferenced raster, so there is no mosaic to build.</source>
      <translation>Aucun des objets n'a pu être lu comme un raster géoréférencé : il n'y a donc aucune mosaïque à construire.</translation>
    </message>
    <message>
      <source>the prefix and the name pattern; the Cogport log lists why each object was left out.</source>
      <translation>le préfixe et le motif de nom ; le journal Cogport indique pourquoi chaque objet a été écarté.</translation>
    </message>
    <message>
      <source>{path}: another CRS than {first}</source>
      <translation>{path} : un autre SCR que {first}</translation>
    </message>
    <message>
      <source>{sizes} pixels</source>
      <translation>{sizes} pixels</translation>
    </message>
    <message>
      <source>{low} to {high} pixels in steps of {step}</source>
      <translation>{low} à {high} pixels par pas de {step}</translation>
    </message>
    <message>
      <source>{low} pixels or more in steps of {step}</source>
      <translation>{low} pixels ou plus par pas de {step}</translation>
    </message>
    <message>
      <source>any</source>
      <translation>toutes</translation>
    </message>
    <message>
      <source>Generic COG</source>
      <translation>COG générique</translation>
    </message>
    <message>
      <source>GDAL</source>
      <translation>GDAL</translation>
    </message>
    <message>
      <source>GDAL COG driver, 512-pixel tiles, ZSTD (DEFLATE if this GDAL lacks ZSTD) with a predictor, AVERAGE overviews (NEAREST for paletted or categorical data). Lossless.</source>
      <translation>Pilote COG de GDAL, tuiles de 512 pixels, ZSTD (DEFLATE si cette version de GDAL n'a pas ZSTD) avec un prédicteur, pyramides AVERAGE (NEAREST pour les données à palette ou catégorielles). Sans perte.</translation>
    </message>
    <message>
      <source>Google Earth Engine (COG-backed asset)</source>
      <translation>Google Earth Engine (élément adossé à un COG)</translation>
    </message>
    <message>
      <source>Earth Engine</source>
      <translation>Earth Engine</translation>
    </message>
    <message>
      <source>Square 256/512/1024/2048 tiles (512 by default), all IFDs at the start, power-of-two overviews, BAND interleave as Earth Engine recommends. Lossless.</source>
      <translation>Tuiles carrées de 256/512/1024/2048 (512 par défaut), tous les IFD au début, pyramides en puissances de deux, entrelacement BAND comme le recommande Earth Engine. Sans perte.</translation>
    </message>
    <message>
      <source>Sentinel Hub BYOC</source>
      <translation>Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>1024-pixel tiles, DEFLATE with a predictor (never JPEG), AVERAGE overviews until the whole image fits one tile, nodata in the GDAL_NODATA tag; optionally one COG per band. Lossless.</source>
      <translation>Tuiles de 1024 pixels, DEFLATE avec un prédicteur (jamais JPEG), pyramides AVERAGE jusqu'à ce que l'image entière tienne dans une tuile, nodata dans la balise GDAL_NODATA ; en option, un COG par bande. Sans perte.</translation>
    </message>
    <message>
      <source>Copernicus Data Space only, not on Sentinel Hub's AWS deployments</source>
      <translation>Copernicus Data Space uniquement, pas sur les déploiements AWS de Sentinel Hub</translation>
    </message>
    <message>
      <source>EPSG:4326, EPSG:3857, UTM (EPSG:326xx/327xx) and EPSG:3035</source>
      <translation>EPSG:4326, EPSG:3857, UTM (EPSG:326xx/327xx) et EPSG:3035</translation>
    </message>
    <message>
      <source>Web map (GoogleMapsCompatible, EPSG:3857)</source>
      <translation>Carte web (GoogleMapsCompatible, EPSG:3857)</translation>
    </message>
    <message>
      <source>web map clients</source>
      <translation>les clients de cartes web</translation>
    </message>
    <message>
      <source>Reprojected to EPSG:3857 on the GoogleMapsCompatible tile grid (256-pixel tiles), DEFLATE with a predictor, which every web COG reader decodes. Pixels are resampled.</source>
      <translation>Reprojeté en EPSG:3857 sur la grille de tuiles GoogleMapsCompatible (tuiles de 256 pixels), DEFLATE avec un prédicteur, que tout lecteur de COG web décode. Les pixels sont rééchantillonnés.</translation>
    </message>
    <message>
      <source>Unknown COG profile '{name}'.</source>
      <translation>Profil COG « {name} » inconnu.</translation>
    </message>
    <message>
      <source>the profile name: one of {names}.</source>
      <translation>le nom du profil : l'un de {names}.</translation>
    </message>
    <message>
      <source> ({sizes} recommended)</source>
      <translation> ({sizes} recommandés)</translation>
    </message>
    <message>
      <source> (uncompressed: a warning)</source>
      <translation> (sans compression : un avertissement)</translation>
    </message>
    <message>
      <source>tiles of {sizes}{recommended}</source>
      <translation>tuiles de {sizes}{recommended}</translation>
    </message>
    <message>
      <source>compression: {codecs}{uncompressed}</source>
      <translation>compression : {codecs}{uncompressed}</translation>
    </message>
    <message>
      <source>CRS {crs}</source>
      <translation>SCR {crs}</translation>
    </message>
    <message>
      <source>BAND interleave recommended</source>
      <translation>entrelacement BAND recommandé</translation>
    </message>
    <message>
      <source>at most {count} pixel-interleaved bands</source>
      <translation>au plus {count} bandes entrelacées par pixel</translation>
    </message>
    <message>
      <source>header at most {size} MB</source>
      <translation>en-tête d'au plus {size} Mo</translation>
    </message>
    <message>
      <source>{items} or {last}</source>
      <translation>{items} ou {last}</translation>
    </message>
    <message>
      <source>Unknown validation profile '{profile}'.</source>
      <translation>Profil de validation « {profile} » inconnu.</translation>
    </message>
    <message>
      <source>one of: {names}.</source>
      <translation>l'un de : {names}.</translation>
    </message>
    <message>
      <source>The overviews are in an external .ovr file; they must be inside the TIFF.</source>
      <translation>Les pyramides sont dans un fichier .ovr externe ; elles doivent se trouver dans le TIFF.</translation>
    </message>
    <message>
      <source>The {width}×{height} image is stored in strips, not tiles.</source>
      <translation>L'image de {width}×{height} est stockée en bandeaux, pas en tuiles.</translation>
    </message>
    <message>
      <source>The {width}×{height} image is stored in strips of {rows} rows, not tiles.</source>
      <translation>L'image de {width}×{height} est stockée en bandeaux de {rows} lignes, pas en tuiles.</translation>
    </message>
    <message>
      <source>The image is {width}×{height} pixels and has no internal overviews, so zoomed-out reads must fetch full-resolution data.</source>
      <translation>L'image fait {width}×{height} pixels et n'a pas de pyramides internes : les lectures en vue éloignée doivent donc récupérer les données en pleine résolution.</translation>
    </message>
    <message>
      <source>GDAL declared KNOWN_INCOMPATIBLE_EDITION=YES: the file was edited after it was written as a COG and its layout is no longer guaranteed.</source>
      <translation>GDAL a déclaré KNOWN_INCOMPATIBLE_EDITION=YES : le fichier a été modifié après avoir été écrit comme COG et sa structure n'est plus garantie.</translation>
    </message>
    <message>
      <source>The main IFD is at byte {offset}; a COG has it at byte {expected}, right after the header.</source>
      <translation>L'IFD principal se trouve à l'octet {offset} ; un COG l'a à l'octet {expected}, juste après l'en-tête.</translation>
    </message>
    <message>
      <source>Overview {number} ({width}×{height}) is larger than the level before it ({previous_width}×{previous_height}).</source>
      <translation>La pyramide {number} ({width}×{height}) est plus grande que le niveau précédent ({previous_width}×{previous_height}).</translation>
    </message>
    <message>
      <source>Overview {number} ({width}×{height}) is not tiled.</source>
      <translation>La pyramide {number} ({width}×{height}) n'est pas tuilée.</translation>
    </message>
    <message>
      <source>The IFD of overview {number} (byte {offset}) comes before the IFD of the level above it (byte {previous_offset}).</source>
      <translation>L'IFD de la pyramide {number} (octet {offset}) précède l'IFD du niveau au-dessus (octet {previous_offset}).</translation>
    </message>
    <message>
      <source>An IFD (byte {offset}) comes after image data (byte {data}): a reader needs several requests before it sees all levels.</source>
      <translation>Un IFD (octet {offset}) suit des données d'image (octet {data}) : un lecteur doit faire plusieurs requêtes avant de voir tous les niveaux.</translation>
    </message>
    <message>
      <source>The full-resolution data (byte {offset}) comes before the data of overview {next} (byte {next_offset}); a COG stores the smallest overview first.</source>
      <translation>Les données en pleine résolution (octet {offset}) précèdent les données de la pyramide {next} (octet {next_offset}) ; un COG stocke d'abord la plus petite pyramide.</translation>
    </message>
    <message>
      <source>The data of overview {number} (byte {offset}) comes before the data of overview {next} (byte {next_offset}); a COG stores the smallest overview first.</source>
      <translation>Les données de la pyramide {number} (octet {offset}) précèdent les données de la pyramide {next} (octet {next_offset}) ; un COG stocke d'abord la plus petite pyramide.</translation>
    </message>
    <message>
      <source>The file is {size} bytes long, but {count} tiles of {levels} lie past its end (its data runs to byte {end}): the file was cut short or its tile offsets are damaged.</source>
      <translation>Le fichier fait {size} octets, mais {count} tuiles ({levels}) se trouvent au-delà de sa fin (ses données vont jusqu'à l'octet {end}) : le fichier a été tronqué ou les décalages de ses tuiles sont endommagés.</translation>
    </message>
    <message>
      <source>The file is {size} bytes long, but 1 tile of {levels} lies past its end (its data runs to byte {end}): the file was cut short or its tile offsets are damaged.</source>
      <translation>Le fichier fait {size} octets, mais 1 tuile ({levels}) se trouve au-delà de sa fin (ses données vont jusqu'à l'octet {end}) : le fichier a été tronqué ou les décalages de ses tuiles sont endommagés.</translation>
    </message>
    <message>
      <source>The file is {size} bytes long, but {count} strips of {levels} lie past its end (its data runs to byte {end}): the file was cut short or its strip offsets are damaged.</source>
      <translation>Le fichier fait {size} octets, mais {count} bandeaux ({levels}) se trouvent au-delà de sa fin (ses données vont jusqu'à l'octet {end}) : le fichier a été tronqué ou les décalages de ses bandeaux sont endommagés.</translation>
    </message>
    <message>
      <source>The file is {size} bytes long, but 1 strip of {levels} lies past its end (its data runs to byte {end}): the file was cut short or its strip offsets are damaged.</source>
      <translation>Le fichier fait {size} octets, mais 1 bandeau ({levels}) se trouve au-delà de sa fin (ses données vont jusqu'à l'octet {end}) : le fichier a été tronqué ou les décalages de ses bandeaux sont endommagés.</translation>
    </message>
    <message>
      <source>{count} of {total} tiles are not stored (offset or byte count 0); readers show them as nodata. GDAL writes such files with SPARSE_OK=TRUE; any other cause means the file is damaged.</source>
      <translation>{count} tuiles sur {total} ne sont pas stockées (décalage ou nombre d'octets à 0) ; les lecteurs les affichent comme nodata. GDAL écrit de tels fichiers avec SPARSE_OK=TRUE ; toute autre cause signifie que le fichier est endommagé.</translation>
    </message>
    <message>
      <source>{count} of {total} strips are not stored (offset or byte count 0); readers show them as nodata. GDAL writes such files with SPARSE_OK=TRUE; any other cause means the file is damaged.</source>
      <translation>{count} bandeaux sur {total} ne sont pas stockés (décalage ou nombre d'octets à 0) ; les lecteurs les affichent comme nodata. GDAL écrit de tels fichiers avec SPARSE_OK=TRUE ; toute autre cause signifie que le fichier est endommagé.</translation>
    </message>
    <message>
      <source>the full-resolution image</source>
      <translation>l'image en pleine résolution</translation>
    </message>
    <message>
      <source>overview {number}</source>
      <translation>la pyramide {number}</translation>
    </message>
    <message>
      <source>the mask</source>
      <translation>le masque</translation>
    </message>
    <message>
      <source>an overview mask</source>
      <translation>un masque de pyramide</translation>
    </message>
    <message>
      <source>{names} and {last}</source>
      <translation>{names} et {last}</translation>
    </message>
    <message>
      <source>Tiles are {width}×{height} pixels, not square.</source>
      <translation>Les tuiles font {width}×{height} pixels et ne sont pas carrées.</translation>
    </message>
    <message>
      <source>Tile sizes differ between levels: {sizes}.</source>
      <translation>Les tailles de tuile diffèrent d'un niveau à l'autre : {sizes}.</translation>
    </message>
    <message>
      <source>Tiles are {width}×{height}; tile widths and heights of {sizes} are accepted by {service}.</source>
      <translation>Les tuiles font {width}×{height} ; {service} accepte des largeurs et hauteurs de tuile de {sizes}.</translation>
    </message>
    <message>
      <source>Tiles are {width}×{height}; {sizes} are recommended for {service}.</source>
      <translation>Les tuiles font {width}×{height} ; {sizes} sont recommandés pour {service}.</translation>
    </message>
    <message>
      <source>Overview {number} ({width}×{height}) reduces the image by {ratio}, not a power of two.</source>
      <translation>La pyramide {number} ({width}×{height}) réduit l'image d'un facteur {ratio}, qui n'est pas une puissance de deux.</translation>
    </message>
    <message>
      <source>The file has no CRS{note}.</source>
      <translation>Le fichier n'a pas de SCR{note}.</translation>
    </message>
    <message>
      <source>The file has no geotransform{note}.</source>
      <translation>Le fichier n'a pas de géotransformation{note}.</translation>
    </message>
    <message>
      <source>The file has no CRS and no geotransform{note}.</source>
      <translation>Le fichier n'a ni SCR ni géotransformation{note}.</translation>
    </message>
    <message>
      <source> (Earth Engine accepts it only if the manifest sets crs)</source>
      <translation> (Earth Engine ne l'accepte que si le manifeste définit crs)</translation>
    </message>
    <message>
      <source>EPSG:{epsg} is not supported by {service} (supported: {supported}).</source>
      <translation>EPSG:{epsg} n'est pas pris en charge par {service} (pris en charge : {supported}).</translation>
    </message>
    <message>
      <source>A CRS without an EPSG code is not supported by {service} (supported: {supported}).</source>
      <translation>Un SCR sans code EPSG n'est pas pris en charge par {service} (pris en charge : {supported}).</translation>
    </message>
    <message>
      <source>The file is uncompressed; only compressed COGs are documented for {service}.</source>
      <translation>Le fichier n'est pas compressé ; seuls les COG compressés sont documentés pour {service}.</translation>
    </message>
    <message>
      <source>{compression} compression is not supported by {service} (supported: {supported}).</source>
      <translation>La compression {compression} n'est pas prise en charge par {service} (prises en charge : {supported}).</translation>
    </message>
    <message>
      <source>The {count} bands are pixel-interleaved; INTERLEAVE=BAND is recommended for {service}.</source>
      <translation>Les {count} bandes sont entrelacées par pixel ; INTERLEAVE=BAND est recommandé pour {service}.</translation>
    </message>
    <message>
      <source>{count} bands are pixel-interleaved; at most {limit} are allowed in one such file by {service}.</source>
      <translation>{count} bandes sont entrelacées par pixel ; {service} en autorise au plus {limit} dans un tel fichier.</translation>
    </message>
    <message>
      <source>The header is {size} MB; the limit for {service} is {limit} MB.</source>
      <translation>L'en-tête fait {size} Mo ; la limite pour {service} est de {limit} Mo.</translation>
    </message>
    <message>
      <source>code {code}</source>
      <translation>code {code}</translation>
    </message>
    <message>
      <source>Photometric interpretation is {name}; Sentinel Hub BYOC reads min-is-black or RGB only.</source>
      <translation>L'interprétation photométrique est {name} ; Sentinel Hub BYOC ne lit que min-is-black ou RGB.</translation>
    </message>
    <message>
      <source>Samples are {bits}-bit unsigned integer; {readable}</source>
      <translation>Les échantillons sont des entiers non signés sur {bits} bits ; {readable}</translation>
    </message>
    <message>
      <source>Samples are {bits}-bit signed integer; {readable}</source>
      <translation>Les échantillons sont des entiers signés sur {bits} bits ; {readable}</translation>
    </message>
    <message>
      <source>Samples are {bits}-bit float; {readable}</source>
      <translation>Les échantillons sont des flottants sur {bits} bits ; {readable}</translation>
    </message>
    <message>
      <source>Samples are {bits}-bit complex or other; {readable}</source>
      <translation>Les échantillons sont des complexes ou d'un autre type sur {bits} bits ; {readable}</translation>
    </message>
    <message>
      <source>Sentinel Hub BYOC reads 8/16/32-bit integers and 32-bit floats.</source>
      <translation>Sentinel Hub BYOC lit les entiers sur 8/16/32 bits et les flottants sur 32 bits.</translation>
    </message>
    <message>
      <source>The nodata value is NaN, which cannot be set as a BYOC collection's noData.</source>
      <translation>La valeur nodata est NaN, qui ne peut pas être définie comme noData d'une collection BYOC.</translation>
    </message>
    <message>
      <source>'{uri}' is not in Google Cloud Storage; Earth Engine registers COGs from gs:// only.</source>
      <translation>« {uri} » n'est pas dans Google Cloud Storage ; Earth Engine ne déclare que des COG stockés sur gs://.</translation>
    </message>
    <message>
      <source>This is a local file: upload it to a Google Cloud Storage bucket before registering it.</source>
      <translation>Il s'agit d'un fichier local : téléversez-le dans un bucket Google Cloud Storage avant de le déclarer.</translation>
    </message>
    <message>
      <source>Convert with the `{profile}` profile (Cogport ▸ Convert to COG, or `cogport:convert_to_cog`)</source>
      <translation>Convertissez avec le profil `{profile}` (Cogport ▸ Convertir en COG, ou `cogport:convert_to_cog`)</translation>
    </message>
    <message>
      <source>{convert}, which writes {size}-pixel tiles.</source>
      <translation>{convert}, qui écrit des tuiles de {size} pixels.</translation>
    </message>
    <message>
      <source>{convert}, which writes {size}-pixel {scheme} tiles.</source>
      <translation>{convert}, qui écrit des tuiles {scheme} de {size} pixels.</translation>
    </message>
    <message>
      <source>{convert}: it writes lossless {codecs}.</source>
      <translation>{convert} : il écrit du {codecs} sans perte.</translation>
    </message>
    <message>
      <source>Rewrite the file: {convert}, or {gdal_cog}.</source>
      <translation>Réécrivez le fichier : {convert}, ou {gdal_cog}.</translation>
    </message>
    <message>
      <source>Convert with the `web` profile: GoogleMapsCompatible tiling in EPSG:3857.</source>
      <translation>Convertissez avec le profil `web` : tuilage GoogleMapsCompatible en EPSG:3857.</translation>
    </message>
    <message>
      <source>Check the file opens in QGIS; re-export or re-upload it, then {convert}.</source>
      <translation>Vérifiez que le fichier s'ouvre dans QGIS ; exportez-le ou téléversez-le à nouveau, puis {convert}.</translation>
    </message>
    <message>
      <source>The file is incomplete: copy or upload it again from the original, then validate the new copy. Converting this copy cannot restore the missing data.</source>
      <translation>Le fichier est incomplet : copiez-le ou téléversez-le à nouveau depuis l'original, puis validez la nouvelle copie. Convertir cette copie ne peut pas restaurer les données manquantes.</translation>
    </message>
    <message>
      <source>Nothing to do if those areas are meant to be empty; otherwise the file is damaged: copy or upload it again.</source>
      <translation>Rien à faire si ces zones doivent être vides ; sinon le fichier est endommagé : copiez-le ou téléversez-le à nouveau.</translation>
    </message>
    <message>
      <source>{convert}, or {gdal_cog}.</source>
      <translation>{convert}, ou {gdal_cog}.</translation>
    </message>
    <message>
      <source>{convert}, which builds internal overviews, or {gdal_cog}.</source>
      <translation>{convert}, qui construit des pyramides internes, ou {gdal_cog}.</translation>
    </message>
    <message>
      <source>{convert}, or {gdal_cog}: both copy the overviews inside the file.</source>
      <translation>{convert}, ou {gdal_cog} : tous deux copient les pyramides dans le fichier.</translation>
    </message>
    <message>
      <source>Rewrite the file: {convert}, or {gdal_cog}. Adding overviews in place (gdaladdo) appends IFDs after the data.</source>
      <translation>Réécrivez le fichier : {convert}, ou {gdal_cog}. Ajouter des pyramides sur place (gdaladdo) ajoute des IFD après les données.</translation>
    </message>
    <message>
      <source>Rebuild the overviews: {convert}.</source>
      <translation>Reconstruisez les pyramides : {convert}.</translation>
    </message>
    <message>
      <source>Rewrite the file: {convert}; do not edit COGs in place.</source>
      <translation>Réécrivez le fichier : {convert} ; ne modifiez pas les COG sur place.</translation>
    </message>
    <message>
      <source>{convert} (square tiles), or {gdal_cog} with `-co BLOCKSIZE=512`.</source>
      <translation>{convert} (tuiles carrées), ou {gdal_cog} avec `-co BLOCKSIZE=512`.</translation>
    </message>
    <message>
      <source>{convert}: it uses one tile size for every level.</source>
      <translation>{convert} : il utilise une seule taille de tuile pour tous les niveaux.</translation>
    </message>
    <message>
      <source>{convert}, which builds overviews at factors 2, 4, 8, ….</source>
      <translation>{convert}, qui construit des pyramides aux facteurs 2, 4, 8, ….</translation>
    </message>
    <message>
      <source>Convert with the `earthengine` profile: it writes INTERLEAVE=BAND (GTiff route on GDAL &lt; 3.11).</source>
      <translation>Convertissez avec le profil `earthengine` : il écrit INTERLEAVE=BAND (via GTiff avec GDAL &lt; 3.11).</translation>
    </message>
    <message>
      <source>Convert with the `byoc` profile: above {band_limit} bands it writes INTERLEAVE=BAND (or use its one-file-per-band option, SPLIT_BANDS).</source>
      <translation>Convertissez avec le profil `byoc` : au-delà de {band_limit} bandes, il écrit INTERLEAVE=BAND (ou utilisez son option un fichier par bande, SPLIT_BANDS).</translation>
    </message>
    <message>
      <source>Reproject, e.g. `gdalwarp -t_srs EPSG:4326` (or a UTM zone, EPSG:3857, EPSG:3035), then {convert}.</source>
      <translation>Reprojetez, par ex. `gdalwarp -t_srs EPSG:4326` (ou une zone UTM, EPSG:3857, EPSG:3035), puis {convert}.</translation>
    </message>
    <message>
      <source>Convert with the `byoc` profile ({byoc_size}-pixel tiles shrink the tile arrays), or split the image into several files.</source>
      <translation>Convertissez avec le profil `byoc` (les tuiles de {byoc_size} pixels réduisent les tableaux de tuiles), ou découpez l'image en plusieurs fichiers.</translation>
    </message>
    <message>
      <source>Convert with the `byoc` profile: it writes min-is-black or RGB, never YCbCr or palette (expand a palette with `gdal_translate -expand rgb`).</source>
      <translation>Convertissez avec le profil `byoc` : il écrit min-is-black ou RGB, jamais YCbCr ni palette (développez une palette avec `gdal_translate -expand rgb`).</translation>
    </message>
    <message>
      <source>Convert the data type, e.g. `gdal_translate -ot Float32`, then convert with the `byoc` profile.</source>
      <translation>Convertissez le type de données, par ex. `gdal_translate -ot Float32`, puis convertissez avec le profil `byoc`.</translation>
    </message>
    <message>
      <source>Convert with the `byoc` profile and a numeric nodata (e.g. -9999), or set the band's noData in the collection.</source>
      <translation>Convertissez avec le profil `byoc` et un nodata numérique (par ex. -9999), ou définissez le noData de la bande dans la collection.</translation>
    </message>
    <message>
      <source>Assign the CRS and extent, e.g. `gdal_translate -a_srs EPSG:4326 -a_ullr &lt;ulx&gt; &lt;uly&gt; &lt;lrx&gt; &lt;lry&gt;`, then {convert}.</source>
      <translation>Attribuez le SCR et l'emprise, par ex. `gdal_translate -a_srs EPSG:4326 -a_ullr &lt;ulx&gt; &lt;uly&gt; &lt;lrx&gt; &lt;lry&gt;`, puis {convert}.</translation>
    </message>
    <message>
      <source>Upload the file to a gs:// bucket in the US multi-region or US-CENTRAL1, and register that URI.</source>
      <translation>Téléversez le fichier dans un bucket gs:// de la multirégion US ou de US-CENTRAL1, et déclarez cet URI.</translation>
    </message>
    <message>
      <source>The validation report could not be written to '{path}'.</source>
      <translation>Impossible d'écrire le rapport de validation dans « {path} ».</translation>
    </message>
    <message>
      <source>that the folder exists and is writable.</source>
      <translation>que le dossier existe et est accessible en écriture.</translation>
    </message>
    <message>
      <source>{what} Check {check}</source>
      <translation>{what} Vérifiez {check}</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
    <message>
      <source>Settings ▸ Options ▸ Network</source>
      <translation>Préférences ▸ Options ▸ Réseau</translation>
    </message>
    <message>
      <source>Settings ▸ Options ▸ Authentication ▸ Certificate Manager</source>
      <translation>Préférences ▸ Options ▸ Authentification ▸ Gestionnaire de certificats</translation>
    </message>
    <message>
      <source>SOCKS5 proxy {host}:{port}</source>
      <translation>proxy SOCKS5 {host}:{port}</translation>
    </message>
    <message>
      <source>proxy {host}:{port}</source>
      <translation>proxy {host}:{port}</translation>
    </message>
    <message>
      <source>The certificate of {host}:{port} could not be fetched.</source>
      <translation>Le certificat de {host}:{port} n'a pas pu être récupéré.</translation>
    </message>
    <message>
      <source>the connection's endpoint, and that the server speaks HTTPS.</source>
      <translation>le point de terminaison de la connexion, et que le serveur parle HTTPS.</translation>
    </message>
    <message>
      <source>{host}:{port} presented no certificate.</source>
      <translation>{host}:{port} n'a présenté aucun certificat.</translation>
    </message>
    <message>
      <source>that the endpoint speaks HTTPS.</source>
      <translation>que le point de terminaison parle HTTPS.</translation>
    </message>
    <message>
      <source>QGIS is set to use the {proxy}, which Cogport's web requests cannot use without PySocks.</source>
      <translation>QGIS est configuré pour utiliser le {proxy}, que les requêtes web de Cogport ne peuvent pas utiliser sans PySocks.</translation>
    </message>
    <message>
      <source>that python3-socks is installed (pip install PySocks), or choose an HTTP proxy in {settings}.</source>
      <translation>que python3-socks est installé (pip install PySocks), ou choisissez un proxy HTTP dans {settings}.</translation>
    </message>
    <message>
      <source>The {proxy} refused Cogport's credentials (HTTP {answer}).</source>
      <translation>Le {proxy} a refusé les identifiants de Cogport (HTTP {answer}).</translation>
    </message>
    <message>
      <source>the proxy user and password, or the proxy's authentication configuration, in {settings}.</source>
      <translation>l'utilisateur et le mot de passe du proxy, ou la configuration d'authentification du proxy, dans {settings}.</translation>
    </message>
    <message>
      <source>proxy</source>
      <translation>proxy</translation>
    </message>
    <message>
      <source>The {proxy} refused to open a tunnel (HTTP CONNECT, answer {status}) to {host}.</source>
      <translation>Le {proxy} a refusé d'ouvrir un tunnel (HTTP CONNECT, réponse {status}) vers {host}.</translation>
    </message>
    <message>
      <source>that the proxy allows HTTPS to that host and port, or add the server to the excluded URLs in {settings}.</source>
      <translation>que le proxy autorise HTTPS vers cet hôte et ce port, ou ajoutez le serveur aux URL exclues dans {settings}.</translation>
    </message>
    <message>
      <source>The {proxy} did not answer, so {host} could not be reached.</source>
      <translation>Le {proxy} n'a pas répondu : {host} n'a donc pas pu être joint.</translation>
    </message>
    <message>
      <source>that the proxy is running, and its host and port in {settings}.</source>
      <translation>que le proxy fonctionne, ainsi que son hôte et son port dans {settings}.</translation>
    </message>
    <message>
      <source>The certificate of {host} was issued for another host name.</source>
      <translation>Le certificat de {host} a été émis pour un autre nom d'hôte.</translation>
    </message>
    <message>
      <source>the connection's endpoint: use the host name the certificate names (the server's administrator knows it); accepting the certificate does not change the name it is valid for.</source>
      <translation>le point de terminaison de la connexion : utilisez le nom d'hôte indiqué par le certificat (l'administrateur du serveur le connaît) ; accepter le certificat ne change pas le nom pour lequel il est valide.</translation>
    </message>
    <message>
      <source>The certificate of {host} has expired.</source>
      <translation>Le certificat de {host} a expiré.</translation>
    </message>
    <message>
      <source>the server's certificate with its administrator, and this computer's clock.</source>
      <translation>le certificat du serveur auprès de son administrateur, et l'horloge de cet ordinateur.</translation>
    </message>
    <message>
      <source>The certificate of {host} is not signed by a certificate authority QGIS trusts.</source>
      <translation>Le certificat de {host} n'est signé par aucune autorité de certification approuvée par QGIS.</translation>
    </message>
    <message>
      <source>that the issuing CA is added and trusted in {settings}, or accept this server's certificate in the connection's settings.</source>
      <translation>que l'autorité de certification émettrice est ajoutée et approuvée dans {settings}, ou acceptez le certificat de ce serveur dans les paramètres de la connexion.</translation>
    </message>
    <message>
      <source>checking the converted files</source>
      <translation>vérification des fichiers convertis</translation>
    </message>
    <message>
      <source>checking the converted file</source>
      <translation>vérification du fichier converti</translation>
    </message>
    <message>
      <source>{name} is incomplete, so it was not uploaded: {reason}</source>
      <translation>{name} est incomplet et n'a donc pas été téléversé : {reason}</translation>
    </message>
    <message>
      <source>the original file: copy or upload it again, then publish the new copy.</source>
      <translation>le fichier d'origine : copiez-le ou téléversez-le à nouveau, puis publiez la nouvelle copie.</translation>
    </message>
    <message>
      <source>Band files of {tile} already exist: {keys}.</source>
      <translation>Des fichiers de bandes de {tile} existent déjà : {keys}.</translation>
    </message>
    <message>
      <source>whether to overwrite them, keep both (a renamed tile) or skip the file.</source>
      <translation>s'il faut les écraser, conserver les deux (une tuile renommée) ou ignorer le fichier.</translation>
    </message>
    <message>
      <source>errors</source>
      <translation>erreurs</translation>
    </message>
    <message>
      <source>The COG converted from {name} is still not valid for the '{profile}' profile ({codes}).</source>
      <translation>Le COG converti à partir de {name} n'est toujours pas valide pour le profil « {profile} » ({codes}).</translation>
    </message>
    <message>
      <source>the findings in the Validate COG dialog; the source may not fit this profile (bands, CRS, size).</source>
      <translation>les constats dans la boîte de dialogue Valider un COG ; la source ne convient peut-être pas à ce profil (bandes, SCR, taille).</translation>
    </message>
    <message>
      <source>{name} is not a valid COG for the '{profile}' profile ({codes}); it was not uploaded.</source>
      <translation>{name} n'est pas un COG valide pour le profil « {profile} » ({codes}) ; il n'a pas été téléversé.</translation>
    </message>
    <message>
      <source>the findings, or let Cogport convert it first.</source>
      <translation>les constats, ou laissez Cogport le convertir d'abord.</translation>
    </message>
    <message>
      <source>Sentinel Hub EU (AWS eu-central-1)</source>
      <translation>Sentinel Hub UE (AWS eu-central-1)</translation>
    </message>
    <message>
      <source>Sentinel Hub US West (AWS us-west-2)</source>
      <translation>Sentinel Hub Ouest des États-Unis (AWS us-west-2)</translation>
    </message>
    <message>
      <source>Copernicus Data Space Ecosystem</source>
      <translation>Copernicus Data Space Ecosystem</translation>
    </message>
    <message>
      <source>Custom base URL and token URL</source>
      <translation>URL de base et URL du jeton personnalisées</translation>
    </message>
    <message>
      <source>The BYOC connection '{name}' has no base URL or token URL.</source>
      <translation>La connexion BYOC « {name} » n'a pas d'URL de base ou d'URL du jeton.</translation>
    </message>
    <message>
      <source>the connection settings: a custom deployment needs both URLs.</source>
      <translation>les paramètres de la connexion : un déploiement personnalisé nécessite les deux URL.</translation>
    </message>
    <message>
      <source>No Sentinel Hub credentials were given.</source>
      <translation>Aucun identifiant Sentinel Hub n'a été fourni.</translation>
    </message>
    <message>
      <source>that {client_id} and {client_secret} are set, or choose a saved BYOC connection.</source>
      <translation>que {client_id} et {client_secret} sont définies, ou choisissez une connexion BYOC enregistrée.</translation>
    </message>
    <message>
      <source>the request</source>
      <translation>la requête</translation>
    </message>
    <message>
      <source>the values sent (tile path, sensing time, cover geometry, bands): {details}</source>
      <translation>les valeurs envoyées (chemin de tuile, date d'acquisition, géométrie de couverture, bandes) : {details}</translation>
    </message>
    <message>
      <source>the values sent (tile path, sensing time, cover geometry, bands)</source>
      <translation>les valeurs envoyées (chemin de tuile, date d'acquisition, géométrie de couverture, bandes)</translation>
    </message>
    <message>
      <source>the client id and secret of the BYOC connection.</source>
      <translation>l'ID client et le secret de la connexion BYOC.</translation>
    </message>
    <message>
      <source>that this OAuth client's account may use BYOC (on CDSE it needs a Copernicus Service account) and owns the collection.</source>
      <translation>que le compte de ce client OAuth a accès à BYOC (sur CDSE, il faut un compte Copernicus Service) et possède la collection.</translation>
    </message>
    <message>
      <source>the collection or tile id; it may have been deleted meanwhile.</source>
      <translation>l'ID de la collection ou de la tuile ; elle a pu être supprimée entre-temps.</translation>
    </message>
    <message>
      <source>whether the collection or tile already exists.</source>
      <translation>si la collection ou la tuile existe déjà.</translation>
    </message>
    <message>
      <source>the account's rate limits, then try again later.</source>
      <translation>les limites de débit du compte, puis réessayez plus tard.</translation>
    </message>
    <message>
      <source>Sentinel Hub had an internal error ({status}) for {request}: {message}</source>
      <translation>Sentinel Hub a rencontré une erreur interne ({status}) pour {request} : {message}</translation>
    </message>
    <message>
      <source>Sentinel Hub had an internal error ({status}) for {request}.</source>
      <translation>Sentinel Hub a rencontré une erreur interne ({status}) pour {request}.</translation>
    </message>
    <message>
      <source>again later.</source>
      <translation>à nouveau plus tard.</translation>
    </message>
    <message>
      <source>Sentinel Hub refused {request} ({status}): {message}</source>
      <translation>Sentinel Hub a refusé {request} ({status}) : {message}</translation>
    </message>
    <message>
      <source>Sentinel Hub refused {request} ({status}).</source>
      <translation>Sentinel Hub a refusé {request} ({status}).</translation>
    </message>
    <message>
      <source>the request.</source>
      <translation>la requête.</translation>
    </message>
    <message>
      <source>Sentinel Hub accepts the OAuth client of connection '{name}'.</source>
      <translation>Sentinel Hub accepte le client OAuth de la connexion « {name} ».</translation>
    </message>
    <message>
      <source>Several BYOC collections are named '{name}'.</source>
      <translation>Plusieurs collections BYOC sont nommées « {name} ».</translation>
    </message>
    <message>
      <source>the collection id instead of its name.</source>
      <translation>l'ID de la collection plutôt que son nom.</translation>
    </message>
    <message>
      <source>Sentinel Hub sent an unexpected list for {path}.</source>
      <translation>Sentinel Hub a envoyé une liste inattendue pour {path}.</translation>
    </message>
    <message>
      <source>the base URL of the BYOC connection.</source>
      <translation>l'URL de base de la connexion BYOC.</translation>
    </message>
    <message>
      <source>Sentinel Hub sent an unexpected answer.</source>
      <translation>Sentinel Hub a envoyé une réponse inattendue.</translation>
    </message>
    <message>
      <source>{created} created, {present} already present, {failed} failed, {not_sent} not sent (cancelled).</source>
      <translation>{created} créée(s), {present} déjà présente(s), {failed} en échec, {not_sent} non envoyée(s) (annulation).</translation>
    </message>
    <message>
      <source>{created} created, {present} already present, {failed} failed.</source>
      <translation>{created} créée(s), {present} déjà présente(s), {failed} en échec.</translation>
    </message>
    <message>
      <source>Looking up tiles already in the collection…</source>
      <translation>Recherche des tuiles déjà présentes dans la collection…</translation>
    </message>
    <message>
      <source>Registering {count} tiles…</source>
      <translation>Déclaration de {count} tuiles…</translation>
    </message>
    <message>
      <source>{count} waiting</source>
      <translation>{count} en attente</translation>
    </message>
    <message>
      <source>{count} queued</source>
      <translation>{count} en file d'attente</translation>
    </message>
    <message>
      <source>{count} ingesting</source>
      <translation>{count} en cours d'ingestion</translation>
    </message>
    <message>
      <source>{count} ingested</source>
      <translation>{count} ingérée(s)</translation>
    </message>
    <message>
      <source>no tiles</source>
      <translation>aucune tuile</translation>
    </message>
    <message>
      <source>The bucket is in {region}, but {deployment} reads only buckets in {expected}. Move the data or choose the deployment for {region}.</source>
      <translation>Le bucket se trouve dans {region}, mais {deployment} ne lit que les buckets de {expected}. Déplacez les données ou choisissez le déploiement pour {region}.</translation>
    </message>
    <message>
      <source>No GeoTIFF (.tif/.tiff) files were selected.</source>
      <translation>Aucun fichier GeoTIFF (.tif/.tiff) n'a été sélectionné.</translation>
    </message>
    <message>
      <source>Tile {tile} lacks {missing} and has extra {extra}; every tile needs the band files {bands}.</source>
      <translation>Il manque {missing} à la tuile {tile}, qui a en trop {extra} ; chaque tuile doit avoir les fichiers de bandes {bands}.</translation>
    </message>
    <message>
      <source>Tile {tile} lacks {missing}; every tile needs the band files {bands}.</source>
      <translation>Il manque {missing} à la tuile {tile} ; chaque tuile doit avoir les fichiers de bandes {bands}.</translation>
    </message>
    <message>
      <source>Tile {tile} has extra {extra}; every tile needs the band files {bands}.</source>
      <translation>La tuile {tile} a en trop {extra} ; chaque tuile doit avoir les fichiers de bandes {bands}.</translation>
    </message>
    <message>
      <source>'{path}' is not a valid BYOC tile path.</source>
      <translation>« {path} » n'est pas un chemin de tuile BYOC valide.</translation>
    </message>
    <message>
      <source>that it is the path inside the bucket, without a leading '/' or '//' (e.g. 2019/11/27/28V/(BAND).tif).</source>
      <translation>qu'il s'agit du chemin dans le bucket, sans « / » initial ni « // » (par ex. 2019/11/27/28V/(BAND).tif).</translation>
    </message>
    <message>
      <source>The sensing-time pattern '{pattern}' is not a valid regular expression.</source>
      <translation>Le motif de date d'acquisition « {pattern} » n'est pas une expression régulière valide.</translation>
    </message>
    <message>
      <source>the pattern's syntax.</source>
      <translation>la syntaxe du motif.</translation>
    </message>
    <message>
      <source>The sensing-time pattern found no valid date in '{path}'.</source>
      <translation>Le motif de date d'acquisition n'a trouvé aucune date valide dans « {path} ».</translation>
    </message>
    <message>
      <source>that the pattern has named groups year, month and day (or year and doy).</source>
      <translation>que le motif comporte les groupes nommés year, month et day (ou year et doy).</translation>
    </message>
    <message>
      <source>The sensing-time pattern '{pattern}' uses {token}, which Cogport does not read.</source>
      <translation>Le motif de date d'acquisition « {pattern} » utilise {token}, que Cogport ne sait pas lire.</translation>
    </message>
    <message>
      <source>the pattern: use %Y %y %m %d %j %H %M %S %b.</source>
      <translation>le motif : utilisez %Y %y %m %d %j %H %M %S %b.</translation>
    </message>
    <message>
      <source>The sensing-time pattern '{pattern}' does not match '{path}'.</source>
      <translation>Le motif de date d'acquisition « {pattern} » ne correspond pas à « {path} ».</translation>
    </message>
    <message>
      <source>the pattern, or enter the sensing time by hand.</source>
      <translation>le motif, ou saisissez la date d'acquisition à la main.</translation>
    </message>
    <message>
      <source>'{text}' is not a date and time.</source>
      <translation>« {text} » n'est pas une date et une heure.</translation>
    </message>
    <message>
      <source>the format, e.g. 2019-11-27T10:30:00Z.</source>
      <translation>le format, par ex. 2019-11-27T10:30:00Z.</translation>
    </message>
    <message>
      <source>{location} holds {data_type} samples, which BYOC cannot serve.</source>
      <translation>{location} contient des échantillons {data_type}, que BYOC ne peut pas servir.</translation>
    </message>
    <message>
      <source>the data type: BYOC takes 8-, 16- or 32-bit unsigned/signed integers or 32-bit floats.</source>
      <translation>le type de données : BYOC accepte les entiers signés ou non signés sur 8, 16 ou 32 bits et les flottants sur 32 bits.</translation>
    </message>
    <message>
      <source>The tile's files have no valid pixels in common.</source>
      <translation>Les fichiers de la tuile n'ont aucun pixel valide en commun.</translation>
    </message>
    <message>
      <source>the nodata value and mask of the files, and that they cover the same area.</source>
      <translation>la valeur nodata et le masque des fichiers, et qu'ils couvrent la même zone.</translation>
    </message>
    <message>
      <source>The file has no coordinate reference system.</source>
      <translation>Le fichier n'a pas de système de coordonnées de référence.</translation>
    </message>
    <message>
      <source>the file: BYOC needs a georeferenced COG in a supported CRS.</source>
      <translation>le fichier : BYOC exige un COG géoréférencé dans un SCR pris en charge.</translation>
    </message>
    <message>
      <source>The file's coordinate reference system has no EPSG code.</source>
      <translation>Le système de coordonnées de référence du fichier n'a pas de code EPSG.</translation>
    </message>
    <message>
      <source>the CRS: BYOC supports EPSG:4326, 3857, 3035 and UTM zones (326xx/327xx).</source>
      <translation>le SCR : BYOC prend en charge EPSG:4326, 3857, 3035 et les zones UTM (326xx/327xx).</translation>
    </message>
    <message>
      <source>{location} has no valid pixels.</source>
      <translation>{location} n'a aucun pixel valide.</translation>
    </message>
    <message>
      <source>its nodata value and mask.</source>
      <translation>sa valeur nodata et son masque.</translation>
    </message>
    <message>
      <source>Could not open {location}.</source>
      <translation>Impossible d'ouvrir {location}.</translation>
    </message>
    <message>
      <source>that the object exists and the storage connection's credentials can read it.</source>
      <translation>que l'objet existe et que les identifiants de la connexion de stockage permettent de le lire.</translation>
    </message>
    <message>
      <source>The region of bucket {bucket} could not be read; make sure it is {region}.</source>
      <translation>Impossible de lire la région du bucket {bucket} ; assurez-vous qu'il s'agit de {region}.</translation>
    </message>
    <message>
      <source> Fix: {fix}</source>
      <translation> Correction : {fix}</translation>
    </message>
    <message>
      <source>The cover geometry must be a polygon.</source>
      <translation>La géométrie de couverture doit être un polygone.</translation>
    </message>
    <message>
      <source>that the selected feature is a polygon.</source>
      <translation>que l'entité sélectionnée est un polygone.</translation>
    </message>
    <message>
      <source>that the account has earthengine.imports.create on the Cloud project (e.g. the role Earth Engine Resource Writer), that the project is registered for Earth Engine, and that the account can read the bucket (storage.buckets.get and storage.objects.get).</source>
      <translation>que le compte dispose de earthengine.imports.create sur le projet Cloud (par ex. le rôle Earth Engine Resource Writer), que le projet est inscrit à Earth Engine et que le compte peut lire le bucket (storage.buckets.get et storage.objects.get).</translation>
    </message>
    <message>
      <source>the Cloud project id (the id, not the display name), that the parent folder of the asset exists, and that every gs:// object exists.</source>
      <translation>l'ID du projet Cloud (l'ID, pas le nom d'affichage), que le dossier parent de l'élément existe et que chaque objet gs:// existe.</translation>
    </message>
    <message>
      <source>the asset id: choose another one, or tick Overwrite to replace the existing asset.</source>
      <translation>l'ID de l'élément : choisissez-en un autre, ou cochez Écraser pour remplacer l'élément existant.</translation>
    </message>
    <message>
      <source>the manifest field the message names (asset id, tileset ids, band indices, times), and run Check to verify that each file is a COG Earth Engine accepts in a US/US-CENTRAL1 bucket.</source>
      <translation>le champ du manifeste que nomme le message (ID de l'élément, ID des jeux de tuiles, indices de bande, dates), et lancez Vérifier pour contrôler que chaque fichier est un COG accepté par Earth Engine dans un bucket US/US-CENTRAL1.</translation>
    </message>
    <message>
      <source>the manifest against the message, and that the project is registered for Earth Engine.</source>
      <translation>le manifeste au regard du message, et que le projet est inscrit à Earth Engine.</translation>
    </message>
    <message>
      <source>the Earth Engine connection's credentials: the token may have expired or lack the https://www.googleapis.com/auth/earthengine scope.</source>
      <translation>les identifiants de la connexion Earth Engine : le jeton a peut-être expiré ou n'a pas la portée https://www.googleapis.com/auth/earthengine.</translation>
    </message>
    <message>
      <source>the project's Earth Engine quota, then try again later.</source>
      <translation>le quota Earth Engine du projet, puis réessayez plus tard.</translation>
    </message>
    <message>
      <source>no error body</source>
      <translation>pas de corps d'erreur</translation>
    </message>
    <message>
      <source>Earth Engine refused the request: {status}: {message}</source>
      <translation>Earth Engine a refusé la requête : {status} : {message}</translation>
    </message>
    <message>
      <source>the message above; details are in the Cogport log.</source>
      <translation>le message ci-dessus ; les détails figurent dans le journal Cogport.</translation>
    </message>
    <message>
      <source>the access token</source>
      <translation>le jeton d'accès</translation>
    </message>
    <message>
      <source>No Earth Engine credentials: no connection was chosen and COGPORT_EE_TOKEN is not set.</source>
      <translation>Aucun identifiant Earth Engine : aucune connexion n'a été choisie et COGPORT_EE_TOKEN n'est pas défini.</translation>
    </message>
    <message>
      <source>the connection choice: pick an Earth Engine connection, or export COGPORT_EE_TOKEN=$(gcloud auth print-access-token) before starting QGIS.</source>
      <translation>le choix de la connexion : choisissez une connexion Earth Engine, ou exportez COGPORT_EE_TOKEN=$(gcloud auth print-access-token) avant de lancer QGIS.</translation>
    </message>
    <message>
      <source>the token in {variable}</source>
      <translation>le jeton de {variable}</translation>
    </message>
    <message>
      <source>No Cloud project is known for this asset.</source>
      <translation>Aucun projet Cloud n'est connu pour cet élément.</translation>
    </message>
    <message>
      <source>the asset id: write it in full as projects/&lt;project-id&gt;/assets/&lt;path&gt;, or choose an Earth Engine connection, whose project id is then used.</source>
      <translation>l'ID de l'élément : écrivez-le en entier sous la forme projects/&lt;project-id&gt;/assets/&lt;path&gt;, ou choisissez une connexion Earth Engine, dont l'ID de projet est alors utilisé.</translation>
    </message>
    <message>
      <source>'{project}' is not a Google Cloud project id.</source>
      <translation>« {project} » n'est pas un ID de projet Google Cloud.</translation>
    </message>
    <message>
      <source>the project id in the Cloud console's project picker (6-30 lower-case letters, digits and hyphens, e.g. my-ee-project), not the project's display name.</source>
      <translation>l'ID du projet dans le sélecteur de projet de la console Cloud (6 à 30 lettres minuscules, chiffres et traits d'union, par ex. my-ee-project), et non le nom d'affichage du projet.</translation>
    </message>
    <message>
      <source>Registered (overwriting) Earth Engine asset {asset}. Open it in the Code Editor: {url}</source>
      <translation>Élément Earth Engine {asset} déclaré (en écrasant l'existant). Ouvrez-le dans le Code Editor : {url}</translation>
    </message>
    <message>
      <source>Registered Earth Engine asset {asset}. Open it in the Code Editor: {url}</source>
      <translation>Élément Earth Engine {asset} déclaré. Ouvrez-le dans le Code Editor : {url}</translation>
    </message>
    <message>
      <source>Earth Engine accepts these credentials for project '{project}'.</source>
      <translation>Earth Engine accepte ces identifiants pour le projet « {project} ».</translation>
    </message>
    <message>
      <source>The manifest is not a JSON object.</source>
      <translation>Le manifeste n'est pas un objet JSON.</translation>
    </message>
    <message>
      <source>The manifest's tilesets, bands or maskBands are malformed.</source>
      <translation>Les tilesets, bands ou maskBands du manifeste sont mal formés.</translation>
    </message>
    <message>
      <source>The manifest file is not valid JSON.</source>
      <translation>Le fichier manifeste n'est pas un JSON valide.</translation>
    </message>
    <message>
      <source>that the file is an Earth Engine ImageManifest JSON (the --manifest file).</source>
      <translation>que le fichier est un ImageManifest JSON d'Earth Engine (le fichier --manifest).</translation>
    </message>
    <message>
      <source>The bands are not a JSON list of band objects.</source>
      <translation>Les bandes ne sont pas une liste JSON d'objets bande.</translation>
    </message>
    <message>
      <source>the form [{"id": "red", "tilesetId": "0", "tilesetBandIndex": 0, "missingData": {"values": [0]}, "pyramidingPolicy": "MEAN"}, …].</source>
      <translation>la forme [{"id": "red", "tilesetId": "0", "tilesetBandIndex": 0, "missingData": {"values": [0]}, "pyramidingPolicy": "MEAN"}, …].</translation>
    </message>
    <message>
      <source>Could not open {uri} to read its bands.</source>
      <translation>Impossible d'ouvrir {uri} pour lire ses bandes.</translation>
    </message>
    <message>
      <source>that the object exists, is a GeoTIFF, and that the bucket's storage connection has read access.</source>
      <translation>que l'objet existe, qu'il s'agit d'un GeoTIFF et que la connexion de stockage du bucket a un accès en lecture.</translation>
    </message>
    <message>
      <source>that the object exists and is a GeoTIFF.</source>
      <translation>que l'objet existe et qu'il s'agit d'un GeoTIFF.</translation>
    </message>
    <message>
      <source> (and {count} more error(s))</source>
      <translation> (et {count} autre(s) erreur(s))</translation>
    </message>
    <message>
      <source>Not registered: {asset} failed a pre-flight check: {message}{more}</source>
      <translation>Non déclaré : {asset} a échoué à un contrôle préalable : {message}{more}</translation>
    </message>
    <message>
      <source>the findings listed in the log.</source>
      <translation>les constats listés dans le journal.</translation>
    </message>
    <message>
      <source>The asset id '{asset}' is not of the form projects/&lt;project&gt;/assets/&lt;path&gt;.</source>
      <translation>L'ID d'élément « {asset} » n'est pas de la forme projects/&lt;project&gt;/assets/&lt;path&gt;.</translation>
    </message>
    <message>
      <source>Use your Cloud project id and a path, e.g. projects/my-ee-project/assets/folder/image.</source>
      <translation>Utilisez l'ID de votre projet Cloud et un chemin, par ex. projects/my-ee-project/assets/dossier/image.</translation>
    </message>
    <message>
      <source>The manifest has no tileset.</source>
      <translation>Le manifeste n'a aucun jeu de tuiles.</translation>
    </message>
    <message>
      <source>Add one gs:// COG per tileset.</source>
      <translation>Ajoutez un COG gs:// par jeu de tuiles.</translation>
    </message>
    <message>
      <source>Two tilesets share the id '{tileset}'.</source>
      <translation>Deux jeux de tuiles partagent l'ID « {tileset} ».</translation>
    </message>
    <message>
      <source>Give every tileset its own id (0, 1, 2, …).</source>
      <translation>Donnez à chaque jeu de tuiles son propre ID (0, 1, 2, …).</translation>
    </message>
    <message>
      <source>Tileset '{tileset}' has {count} source file(s); a COG-backed asset takes exactly one COG per tileset.</source>
      <translation>Le jeu de tuiles « {tileset} » a {count} fichier(s) source ; un élément adossé à des COG prend exactement un COG par jeu de tuiles.</translation>
    </message>
    <message>
      <source>Put each COG in its own tileset, or merge tiles into one COG (Earth Engine does not mosaic COG tiles of one band).</source>
      <translation>Placez chaque COG dans son propre jeu de tuiles, ou fusionnez les tuiles en un seul COG (Earth Engine ne mosaïque pas les tuiles COG d'une même bande).</translation>
    </message>
    <message>
      <source>'{uri}' in tileset '{tileset}' is not a gs:// URI; Earth Engine registers COGs from Google Cloud Storage only.</source>
      <translation>« {uri} » dans le jeu de tuiles « {tileset} » n'est pas une URI gs:// ; Earth Engine ne déclare que des COG de Google Cloud Storage.</translation>
    </message>
    <message>
      <source>Upload the file to a GCS bucket in the US multi-region or US-CENTRAL1 and use its gs://bucket/object URI.</source>
      <translation>Téléversez le fichier dans un bucket GCS de la multirégion US ou de US-CENTRAL1 et utilisez son URI gs://bucket/objet.</translation>
    </message>
    <message>
      <source>Band id '{band}' is empty or used twice.</source>
      <translation>L'ID de bande « {band} » est vide ou utilisé deux fois.</translation>
    </message>
    <message>
      <source>Give every band a unique id.</source>
      <translation>Donnez à chaque bande un ID unique.</translation>
    </message>
    <message>
      <source>Band '{band}' refers to tileset '{tileset}', which does not exist.</source>
      <translation>La bande « {band} » renvoie au jeu de tuiles « {tileset} », qui n'existe pas.</translation>
    </message>
    <message>
      <source>Use one of the tileset ids: {ids} (a band may name none only when there is a single tileset).</source>
      <translation>Utilisez l'un des ID de jeu de tuiles : {ids} (une bande ne peut n'en nommer aucun que s'il n'y a qu'un seul jeu de tuiles).</translation>
    </message>
    <message>
      <source>Use one of the tileset ids: {ids}.</source>
      <translation>Utilisez l'un des ID de jeu de tuiles : {ids}.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <source>Band '{band}' uses tilesetBandIndex {index}, but tileset '{tileset}' has {count} band(s).</source>
      <translation>La bande « {band} » utilise tilesetBandIndex {index}, mais le jeu de tuiles « {tileset} » a {count} bande(s).</translation>
    </message>
    <message>
      <source>Band '{band}' uses tilesetBandIndex {index}, but tileset '{tileset}' has fewer band(s).</source>
      <translation>La bande « {band} » utilise tilesetBandIndex {index}, mais le jeu de tuiles « {tileset} » a moins de bandes.</translation>
    </message>
    <message>
      <source>Indices are zero-based: use 0 to {last}.</source>
      <translation>Les indices commencent à zéro : utilisez 0 à {last}.</translation>
    </message>
    <message>
      <source>Band '{band}' has pyramidingPolicy '{policy}'.</source>
      <translation>La bande « {band} » a le pyramidingPolicy « {policy} ».</translation>
    </message>
    <message>
      <source>Use one of {policies} (MEAN for continuous data, MODE or SAMPLE for classes).</source>
      <translation>Utilisez l'une des valeurs {policies} (MEAN pour des données continues, MODE ou SAMPLE pour des classes).</translation>
    </message>
    <message>
      <source>The manifest has more than one mask band.</source>
      <translation>Le manifeste a plus d'une bande de masque.</translation>
    </message>
    <message>
      <source>Earth Engine allows at most one mask band: keep one.</source>
      <translation>Earth Engine autorise au plus une bande de masque : n'en gardez qu'une.</translation>
    </message>
    <message>
      <source>The mask band refers to tileset '{tileset}', which does not exist.</source>
      <translation>La bande de masque renvoie au jeu de tuiles « {tileset} », qui n'existe pas.</translation>
    </message>
    <message>
      <source>Use an existing tileset id; its last band is the mask.</source>
      <translation>Utilisez l'ID d'un jeu de tuiles existant ; sa dernière bande sert de masque.</translation>
    </message>
    <message>
      <source>The mask band names unknown band(s): {bands}.</source>
      <translation>La bande de masque nomme des bandes inconnues : {bands}.</translation>
    </message>
    <message>
      <source>Name bands listed in the bands table, or leave the list empty for all bands.</source>
      <translation>Nommez des bandes du tableau des bandes, ou laissez la liste vide pour toutes les bandes.</translation>
    </message>
    <message>
      <source>The manifest is {size_mb} MB; Earth Engine accepts at most 10 MB.</source>
      <translation>Le manifeste fait {size_mb} Mo ; Earth Engine accepte au plus 10 Mo.</translation>
    </message>
    <message>
      <source>Shorten or drop large properties, or split the asset.</source>
      <translation>Raccourcissez ou supprimez les propriétés volumineuses, ou scindez l'élément.</translation>
    </message>
    <message>
      <source>The properties are not a JSON object.</source>
      <translation>Les propriétés ne sont pas un objet JSON.</translation>
    </message>
    <message>
      <source>Give properties as {"name": value, …}.</source>
      <translation>Donnez les propriétés sous la forme {"nom": valeur, …}.</translation>
    </message>
    <message>
      <source>Properties must be flat, with string or number values; not so: {keys}.</source>
      <translation>Les propriétés doivent être à plat, avec des valeurs texte ou numériques ; ce n'est pas le cas de : {keys}.</translation>
    </message>
    <message>
      <source>Turn lists and objects into strings or separate properties; write booleans as 0/1.</source>
      <translation>Transformez les listes et objets en chaînes ou en propriétés distinctes ; écrivez les booléens sous la forme 0/1.</translation>
    </message>
    <message>
      <source>{keys} as properties are deprecated.</source>
      <translation>{keys} en tant que propriétés sont obsolètes.</translation>
    </message>
    <message>
      <source>Use the Start time and End time fields (startTime/endTime) instead.</source>
      <translation>Utilisez plutôt les champs Date de début et Date de fin (startTime/endTime).</translation>
    </message>
    <message>
      <source>{field} '{value}' is not an RFC 3339 timestamp.</source>
      <translation>{field} « {value} » n'est pas un horodatage RFC 3339.</translation>
    </message>
    <message>
      <source>Write it like 2024-05-01T00:00:00Z (a bare date 2024-05-01 is accepted too).</source>
      <translation>Écrivez-le sous la forme 2024-05-01T00:00:00Z (une date seule, 2024-05-01, est aussi acceptée).</translation>
    </message>
    <message>
      <source>endTime {end} is not after startTime {start}.</source>
      <translation>endTime {end} n'est pas postérieur à startTime {start}.</translation>
    </message>
    <message>
      <source>endTime is exclusive: set it after startTime, or leave it empty.</source>
      <translation>endTime est exclu : placez-le après startTime, ou laissez-le vide.</translation>
    </message>
    <message>
      <source>Bucket gs://{bucket} is in {location} ({location_type}); Earth Engine reads COGs only from the US multi-region, US-CENTRAL1, or a US dual-region that includes us-central1 (e.g. NAM4).</source>
      <translation>Le bucket gs://{bucket} se trouve dans {location} ({location_type}) ; Earth Engine ne lit les COG que depuis la multirégion US, US-CENTRAL1 ou une birégion US incluant us-central1 (par ex. NAM4).</translation>
    </message>
    <message>
      <source>an unknown location</source>
      <translation>un emplacement inconnu</translation>
    </message>
    <message>
      <source>type unknown</source>
      <translation>type inconnu</translation>
    </message>
    <message>
      <source>Copy the files to a bucket in US or US-CENTRAL1 (e.g. `gcloud storage buckets create gs://NAME --location=us-central1`) and register those URIs.</source>
      <translation>Copiez les fichiers dans un bucket en US ou US-CENTRAL1 (par ex. `gcloud storage buckets create gs://NAME --location=us-central1`) et déclarez ces URI.</translation>
    </message>
    <message>
      <source>Bucket gs://{bucket} has the legacy default storage class {storage_class}.</source>
      <translation>Le bucket gs://{bucket} a l'ancienne classe de stockage par défaut {storage_class}.</translation>
    </message>
    <message>
      <source>Bucket gs://{bucket} has default storage class {storage_class}</source>
      <translation>Le bucket gs://{bucket} a la classe de stockage par défaut {storage_class}</translation>
    </message>
    <message>
      <source>Change it to STANDARD in the Cloud console; Earth Engine documents Standard storage.</source>
      <translation>Passez-la à STANDARD dans la console Cloud ; Earth Engine documente la classe de stockage Standard.</translation>
    </message>
    <message>
      <source>{subject_has_class}; Earth Engine needs Standard storage (other classes add retrieval fees to every read and minimum storage durations).</source>
      <translation>{subject_has_class} ; Earth Engine exige la classe de stockage Standard (les autres classes ajoutent des frais de récupération à chaque lecture et des durées de stockage minimales).</translation>
    </message>
    <message>
      <source>Rewrite the object(s) as STANDARD, e.g. `gcloud storage objects update gs://BUCKET/OBJECT --storage-class=STANDARD` (and set the bucket's default class to STANDARD).</source>
      <translation>Réécrivez le ou les objets en STANDARD, par ex. `gcloud storage objects update gs://BUCKET/OBJECT --storage-class=STANDARD` (et passez la classe par défaut du bucket à STANDARD).</translation>
    </message>
    <message>
      <source>Bucket location, storage class and generations were not checked: no Earth Engine credentials.</source>
      <translation>L'emplacement du bucket, la classe de stockage et les générations n'ont pas été vérifiés : aucun identifiant Earth Engine.</translation>
    </message>
    <message>
      <source>Choose an Earth Engine connection (or set COGPORT_EE_TOKEN) and check again.</source>
      <translation>Choisissez une connexion Earth Engine (ou définissez COGPORT_EE_TOKEN) et vérifiez à nouveau.</translation>
    </message>
    <message>
      <source>{uri}: {message}</source>
      <translation>{uri} : {message}</translation>
    </message>
    <message>
      <source>the object and the bucket's storage connection.</source>
      <translation>l'objet et la connexion de stockage du bucket.</translation>
    </message>
    <message>
      <source>{uri} is pinned to generation {generation}.</source>
      <translation>{uri} est figé à la génération {generation}.</translation>
    </message>
    <message>
      <source>Keep this generation in the bucket (enable object versioning) if you overwrite the object later; Earth Engine reads exactly this version.</source>
      <translation>Conservez cette génération dans le bucket (activez le versionnage des objets) si vous écrasez l'objet plus tard ; Earth Engine lit exactement cette version.</translation>
    </message>
    <message>
      <source>Bucket gs://{bucket} does not exist.</source>
      <translation>Le bucket gs://{bucket} n'existe pas.</translation>
    </message>
    <message>
      <source>the bucket name (GCS bucket names are global and case-sensitive).</source>
      <translation>le nom du bucket (les noms de bucket GCS sont globaux et sensibles à la casse).</translation>
    </message>
    <message>
      <source>The location and storage class of gs://{bucket} could not be read: {message}</source>
      <translation>Impossible de lire l'emplacement et la classe de stockage de gs://{bucket} : {message}</translation>
    </message>
    <message>
      <source>Give the account storage.buckets.get on the bucket (role Storage Legacy Bucket Reader; Earth Engine's readers need it too), or check the bucket's location and class in the Cloud console yourself.</source>
      <translation>Accordez au compte storage.buckets.get sur le bucket (rôle Storage Legacy Bucket Reader ; les lecteurs d'Earth Engine en ont aussi besoin), ou vérifiez vous-même l'emplacement et la classe du bucket dans la console Cloud.</translation>
    </message>
    <message>
      <source>{uri} has no generation {generation} (overwritten without versioning?).</source>
      <translation>{uri} n'a pas de génération {generation} (écrasé sans versionnage ?).</translation>
    </message>
    <message>
      <source>Remove the #generation to use the current object, or restore that version.</source>
      <translation>Retirez le #generation pour utiliser l'objet actuel, ou restaurez cette version.</translation>
    </message>
    <message>
      <source>{uri} does not exist.</source>
      <translation>{uri} n'existe pas.</translation>
    </message>
    <message>
      <source>the object path; upload the COG first.</source>
      <translation>le chemin de l'objet ; téléversez d'abord le COG.</translation>
    </message>
    <message>
      <source>The metadata of {uri} could not be read: {message}</source>
      <translation>Impossible de lire les métadonnées de {uri} : {message}</translation>
    </message>
    <message>
      <source>Give the account storage.objects.get on the bucket.</source>
      <translation>Accordez au compte storage.objects.get sur le bucket.</translation>
    </message>
    <message>
      <source>{uri} has the legacy storage class {storage_class}.</source>
      <translation>{uri} a l'ancienne classe de stockage {storage_class}.</translation>
    </message>
    <message>
      <source>{uri} has storage class {storage_class}</source>
      <translation>{uri} a la classe de stockage {storage_class}</translation>
    </message>
    <message>
      <source>Could not write the manifest to {path}.</source>
      <translation>Impossible d'écrire le manifeste dans {path}.</translation>
    </message>
    <message>
      <source>Cannot register without Earth Engine credentials.</source>
      <translation>Impossible de déclarer sans identifiants Earth Engine.</translation>
    </message>
    <message>
      <source>the Earth Engine connection, or set COGPORT_EE_TOKEN.</source>
      <translation>la connexion Earth Engine, ou définissez COGPORT_EE_TOKEN.</translation>
    </message>
    <message>
      <source>Cloud Storage answered HTTP {status}: {message}</source>
      <translation>Cloud Storage a répondu HTTP {status} : {message}</translation>
    </message>
    <message>
      <source>the bucket and object names.</source>
      <translation>les noms du bucket et de l'objet.</translation>
    </message>
    <message>
      <source>that the account may read the bucket's metadata (storage.buckets.get and storage.objects.get, e.g. the roles Storage Legacy Bucket Reader and Storage Legacy Object Reader), and that the token carries a Cloud Storage scope.</source>
      <translation>que le compte peut lire les métadonnées du bucket (storage.buckets.get et storage.objects.get, par ex. les rôles Storage Legacy Bucket Reader et Storage Legacy Object Reader) et que le jeton porte une portée Cloud Storage.</translation>
    </message>
    <message>
      <source>the bucket name and try again later.</source>
      <translation>le nom du bucket et réessayez plus tard.</translation>
    </message>
    <message>
      <source>No Earth Engine access token was given ({source} is empty).</source>
      <translation>Aucun jeton d'accès Earth Engine n'a été fourni ({source} est vide).</translation>
    </message>
    <message>
      <source>the Earth Engine connection's credentials, or set COGPORT_EE_TOKEN.</source>
      <translation>les identifiants de la connexion Earth Engine, ou définissez COGPORT_EE_TOKEN.</translation>
    </message>
    <message>
      <source>Google refused {source} (HTTP 401 UNAUTHENTICATED): it has expired or lacks the Earth Engine scope.</source>
      <translation>Google a refusé {source} (HTTP 401 UNAUTHENTICATED) : le jeton a expiré ou n'a pas la portée Earth Engine.</translation>
    </message>
    <message>
      <source>the token: paste a fresh one (e.g. from `gcloud auth print-access-token`), or use a service-account key or a QGIS OAuth2 configuration, which renew themselves.</source>
      <translation>le jeton : collez-en un nouveau (par ex. obtenu avec `gcloud auth print-access-token`), ou utilisez une clé de compte de service ou une configuration OAuth2 de QGIS, qui se renouvellent d'elles-mêmes.</translation>
    </message>
    <message>
      <source>The service-account key is not valid JSON.</source>
      <translation>La clé de compte de service n'est pas un JSON valide.</translation>
    </message>
    <message>
      <source>that you pasted or chose the whole .json key file downloaded from the Cloud console.</source>
      <translation>que vous avez collé ou choisi l'intégralité du fichier de clé .json téléchargé depuis la console Cloud.</translation>
    </message>
    <message>
      <source>The JSON file is not a service-account key.</source>
      <translation>Le fichier JSON n'est pas une clé de compte de service.</translation>
    </message>
    <message>
      <source>that its "type" is "service_account" (Cloud console &gt; IAM &gt; Service accounts &gt; Keys).</source>
      <translation>que son "type" est "service_account" (console Cloud &gt; IAM &gt; Comptes de service &gt; Clés).</translation>
    </message>
    <message>
      <source>The service-account key lacks {fields}.</source>
      <translation>Il manque {fields} à la clé de compte de service.</translation>
    </message>
    <message>
      <source>that the key file is complete; download a new key if in doubt.</source>
      <translation>que le fichier de clé est complet ; en cas de doute, téléchargez une nouvelle clé.</translation>
    </message>
    <message>
      <source>the Google token service at {host}</source>
      <translation>le service de jetons Google sur {host}</translation>
    </message>
    <message>
      <source>your network connection and the proxy settings ({proxy_settings}).</source>
      <translation>votre connexion réseau et les paramètres de proxy ({proxy_settings}).</translation>
    </message>
    <message>
      <source>Google refused the service-account key of {account} (HTTP {status}: {reason}).</source>
      <translation>Google a refusé la clé du compte de service {account} (HTTP {status} : {reason}).</translation>
    </message>
    <message>
      <source>that the key has not been deleted or disabled, that the service account exists, and that this computer's clock is right.</source>
      <translation>que la clé n'a été ni supprimée ni désactivée, que le compte de service existe et que l'horloge de cet ordinateur est à l'heure.</translation>
    </message>
    <message>
      <source>The Google token service answered without an access token.</source>
      <translation>Le service de jetons Google a répondu sans jeton d'accès.</translation>
    </message>
    <message>
      <source>the key's token_uri.</source>
      <translation>le token_uri de la clé.</translation>
    </message>
    <message>
      <source>no detail</source>
      <translation>pas de détail</translation>
    </message>
    <message>
      <source>The service-account private key is too short to sign with.</source>
      <translation>La clé privée du compte de service est trop courte pour signer.</translation>
    </message>
    <message>
      <source>that the key file is a Google service-account key.</source>
      <translation>que le fichier de clé est une clé de compte de service Google.</translation>
    </message>
    <message>
      <source>The service-account private key is inconsistent.</source>
      <translation>La clé privée du compte de service est incohérente.</translation>
    </message>
    <message>
      <source>that the key file is intact; download a new key if in doubt.</source>
      <translation>que le fichier de clé est intact ; en cas de doute, téléchargez une nouvelle clé.</translation>
    </message>
    <message>
      <source>The service-account private key is not a PEM RSA key.</source>
      <translation>La clé privée du compte de service n'est pas une clé RSA PEM.</translation>
    </message>
    <message>
      <source>that "private_key" is the PEM text exactly as in the downloaded JSON key.</source>
      <translation>que "private_key" est le texte PEM tel qu'il figure dans la clé JSON téléchargée.</translation>
    </message>
    <message>
      <source>The service-account private key could not be read.</source>
      <translation>Impossible de lire la clé privée du compte de service.</translation>
    </message>
    <message>
      <source>The server answered HTTP {status} for {method} {url}.</source>
      <translation>Le serveur a répondu HTTP {status} pour {method} {url}.</translation>
    </message>
    <message>
      <source>the request parameters and your permissions.</source>
      <translation>les paramètres de la requête et vos droits.</translation>
    </message>
    <message>
      <source>Could not reach {host}.</source>
      <translation>Impossible de joindre {host}.</translation>
    </message>
    <message>
      <source>your network connection, the proxy settings ({proxy_settings}) and the service URL.</source>
      <translation>votre connexion réseau, les paramètres de proxy ({proxy_settings}) et l'URL du service.</translation>
    </message>
    <message>
      <source>the service's rate limits, then try again later.</source>
      <translation>les limites de débit du service, puis réessayez plus tard.</translation>
    </message>
    <message>
      <source>the token service at {host}</source>
      <translation>le service de jetons de {host}</translation>
    </message>
    <message>
      <source>your network connection, the proxy settings ({proxy_settings}) and the token URL of the connection.</source>
      <translation>votre connexion réseau, les paramètres de proxy ({proxy_settings}) et l'URL du jeton de la connexion.</translation>
    </message>
    <message>
      <source>The token service at {host} refused the OAuth client '{client_id}'.</source>
      <translation>Le service de jetons de {host} a refusé le client OAuth « {client_id} ».</translation>
    </message>
    <message>
      <source>the client id and client secret of the connection, and that the OAuth client belongs to this deployment.</source>
      <translation>l'ID client et le secret client de la connexion, et que le client OAuth appartient à ce déploiement.</translation>
    </message>
    <message>
      <source>The token service at {host} answered HTTP {status}.</source>
      <translation>Le service de jetons de {host} a répondu HTTP {status}.</translation>
    </message>
    <message>
      <source>the token URL of the connection, or try again later.</source>
      <translation>l'URL du jeton de la connexion, ou réessayez plus tard.</translation>
    </message>
    <message>
      <source>The token service at {host} sent no access token.</source>
      <translation>Le service de jetons de {host} n'a envoyé aucun jeton d'accès.</translation>
    </message>
    <message>
      <source>that the token URL points to an OAuth2 token endpoint.</source>
      <translation>que l'URL du jeton désigne un point de terminaison de jeton OAuth2.</translation>
    </message>
    <message>
      <source>Could not reach {service}.</source>
      <translation>Impossible de joindre {service}.</translation>
    </message>
    <message>
      <source>S3-compatible (OVH, MinIO, Ceph, Swift s3api…)</source>
      <translation>Compatible S3 (OVH, MinIO, Ceph, Swift s3api…)</translation>
    </message>
    <message>
      <source>Public bucket (anonymous S3)</source>
      <translation>Bucket public (S3 anonyme)</translation>
    </message>
    <message>
      <source>Access key and secret</source>
      <translation>Clé d'accès et secret</translation>
    </message>
    <message>
      <source>Anonymous (no credentials)</source>
      <translation>Anonyme (sans identifiants)</translation>
    </message>
    <message>
      <source>Auth v1: URL, user and key</source>
      <translation>Auth v1 : URL, utilisateur et clé</translation>
    </message>
    <message>
      <source>Keystone v3: user and password</source>
      <translation>Keystone v3 : utilisateur et mot de passe</translation>
    </message>
    <message>
      <source>Keystone v3: application credential</source>
      <translation>Keystone v3 : identifiants d'application</translation>
    </message>
    <message>
      <source>Keystone v3: token (openstack token issue)</source>
      <translation>Keystone v3 : jeton (openstack token issue)</translation>
    </message>
    <message>
      <source>Storage URL and token</source>
      <translation>URL de stockage et jeton</translation>
    </message>
    <message>
      <source>Service-account JSON key</source>
      <translation>Clé JSON de compte de service</translation>
    </message>
    <message>
      <source>Connection '{name}' has no endpoint.</source>
      <translation>La connexion « {name} » n'a pas de point de terminaison.</translation>
    </message>
    <message>
      <source>the Endpoint field: an S3-compatible store needs its host[:port], e.g. s3.gra.io.cloud.ovh.net.</source>
      <translation>le champ Point de terminaison : un stockage compatible S3 a besoin de son hôte[:port], par ex. s3.gra.io.cloud.ovh.net.</translation>
    </message>
    <message>
      <source>The endpoint '{endpoint}' of connection '{name}' has a path (/{path}).</source>
      <translation>Le point de terminaison « {endpoint} » de la connexion « {name} » contient un chemin (/{path}).</translation>
    </message>
    <message>
      <source>the Endpoint field: give only host[:port] ({host}); Cogport adds the bucket and key to the path.</source>
      <translation>le champ Point de terminaison : indiquez seulement hôte[:port] ({host}) ; Cogport ajoute le bucket et la clé au chemin.</translation>
    </message>
    <message>
      <source>The endpoint '{endpoint}' of connection '{name}' has no valid port number.</source>
      <translation>Le point de terminaison « {endpoint} » de la connexion « {name} » n'a pas de numéro de port valide.</translation>
    </message>
    <message>
      <source>the Endpoint field: host or host:port, e.g. minio.example.com:9000.</source>
      <translation>le champ Point de terminaison : hôte ou hôte:port, par ex. minio.example.com:9000.</translation>
    </message>
    <message>
      <source>bucket '{bucket}'</source>
      <translation>le bucket « {bucket} »</translation>
    </message>
    <message>
      <source>container '{container}'</source>
      <translation>le conteneur « {container} »</translation>
    </message>
    <message>
      <source> (connection '{name}')</source>
      <translation> (connexion « {name} »)</translation>
    </message>
    <message>
      <source>The TLS handshake with {host} failed{connection}.</source>
      <translation>La négociation TLS avec {host} a échoué{connection}.</translation>
    </message>
    <message>
      <source>whether the endpoint speaks HTTPS (switch HTTPS off for plain-HTTP servers) and its certificate.</source>
      <translation>si le point de terminaison parle HTTPS (désactivez HTTPS pour les serveurs en HTTP simple) et son certificat.</translation>
    </message>
    <message>
      <source>{host} did not answer in time{connection}.</source>
      <translation>{host} n'a pas répondu à temps{connection}.</translation>
    </message>
    <message>
      <source>your network connection, the proxy settings ({settings}) and the endpoint.</source>
      <translation>votre connexion réseau, les paramètres du proxy ({settings}) et le point de terminaison.</translation>
    </message>
    <message>
      <source>The host name {host} could not be resolved{connection}: virtual hosting is on, so the bucket name was put in front of the endpoint {endpoint}.</source>
      <translation>Le nom d'hôte {host} n'a pas pu être résolu{connection} : l'hébergement virtuel est activé, le nom du bucket a donc été placé devant le point de terminaison {endpoint}.</translation>
    </message>
    <message>
      <source>the connection's Path-style addressing (host/bucket) box: tick it unless the store serves a host name per bucket; then the endpoint's spelling and your DNS.</source>
      <translation>la case Adressage par chemin (hôte/bucket) de la connexion : cochez-la, sauf si le stockage sert un nom d'hôte par bucket ; puis l'orthographe du point de terminaison et votre DNS.</translation>
    </message>
    <message>
      <source>The host name {host} could not be resolved{connection}.</source>
      <translation>Le nom d'hôte {host} n'a pas pu être résolu{connection}.</translation>
    </message>
    <message>
      <source>the endpoint's spelling, your DNS and your network connection.</source>
      <translation>l'orthographe du point de terminaison, votre DNS et votre connexion réseau.</translation>
    </message>
    <message>
      <source>Could not connect to {host}{connection}: the server is down or refused the connection.</source>
      <translation>Impossible de se connecter à {host}{connection} : le serveur est arrêté ou a refusé la connexion.</translation>
    </message>
    <message>
      <source>that the server is running, the endpoint host and port, and the proxy settings ({settings}).</source>
      <translation>que le serveur fonctionne, l'hôte et le port du point de terminaison, et les paramètres du proxy ({settings}).</translation>
    </message>
    <message>
      <source>The store does not know the access key of connection '{name}'.</source>
      <translation>Le stockage ne connaît pas la clé d'accès de la connexion « {name} ».</translation>
    </message>
    <message>
      <source>the access key ID in the connection.</source>
      <translation>l'ID de clé d'accès dans la connexion.</translation>
    </message>
    <message>
      <source>The store rejected the secret key of connection '{name}' (signature mismatch).</source>
      <translation>Le stockage a rejeté la clé secrète de la connexion « {name} » (signature incorrecte).</translation>
    </message>
    <message>
      <source>the secret key, then the region and the path-style/virtual-hosting setting.</source>
      <translation>la clé secrète, puis la région et le réglage adressage par chemin / hébergement virtuel.</translation>
    </message>
    <message>
      <source>The {what} does not exist at {endpoint}.</source>
      <translation>Selon {endpoint}, {what} n'existe pas.</translation>
    </message>
    <message>
      <source>the bucket name, and that the connection's account and region own it.</source>
      <translation>le nom du bucket, et qu'il appartient bien au compte et à la région de la connexion.</translation>
    </message>
    <message>
      <source>The {what} lives in another region than connection '{name}' uses.</source>
      <translation>La connexion « {name} » utilise une autre région que celle où se trouve {what}.</translation>
    </message>
    <message>
      <source>the region of the connection (the bucket's region is in the store's console).</source>
      <translation>la région de la connexion (la région du bucket figure dans la console du stockage).</translation>
    </message>
    <message>
      <source>Access to the {what} was denied for connection '{name}'.</source>
      <translation>L'accès a été refusé à la connexion « {name} » pour {what}.</translation>
    </message>
    <message>
      <source>that this key may list and read the bucket (bucket policy, IAM permissions, ACLs).</source>
      <translation>que cette clé a le droit de lister et de lire le bucket (politique du bucket, permissions IAM, ACL).</translation>
    </message>
    <message>
      <source>The store is rate-limiting requests to the {what}.</source>
      <translation>Le stockage limite le débit des requêtes vers {what}.</translation>
    </message>
    <message>
      <source>again in a minute.</source>
      <translation>de nouveau dans une minute.</translation>
    </message>
    <message>
      <source>The store answered HTTP {status} for the {what}.</source>
      <translation>Le stockage a répondu HTTP {status} pour {what}.</translation>
    </message>
    <message>
      <source>the endpoint and the store's status page; details are in the Cogport log.</source>
      <translation>le point de terminaison et la page d'état du stockage ; les détails figurent dans le journal Cogport.</translation>
    </message>
    <message>
      <source>Swift refused the credentials of connection '{name}'.</source>
      <translation>Swift a refusé les identifiants de la connexion « {name} ».</translation>
    </message>
    <message>
      <source>that the region's Swift trusts this Keystone (the auth URL and the region).</source>
      <translation>que le Swift de la région fait confiance à ce Keystone (l'URL d'authentification et la région).</translation>
    </message>
    <message>
      <source>the user (account:user), the key, and the auth URL.</source>
      <translation>l'utilisateur (compte:utilisateur), la clé et l'URL d'authentification.</translation>
    </message>
    <message>
      <source>the project</source>
      <translation>le projet</translation>
    </message>
    <message>
      <source>the user's roles on {project}: Swift lets in the member role (or another operator role), and the container's ACLs.</source>
      <translation>les rôles de l'utilisateur sur {project} : Swift laisse entrer le rôle member (ou un autre rôle d'opérateur), et les ACL du conteneur.</translation>
    </message>
    <message>
      <source>the container's ACLs and the user's roles.</source>
      <translation>les ACL du conteneur et les rôles de l'utilisateur.</translation>
    </message>
    <message>
      <source>The {what} does not exist in the Swift account of connection '{name}'.</source>
      <translation>Le compte Swift de la connexion « {name} » ne contient pas {what}.</translation>
    </message>
    <message>
      <source>the container name and the account the user belongs to.</source>
      <translation>le nom du conteneur et le compte auquel appartient l'utilisateur.</translation>
    </message>
    <message>
      <source>Swift answered HTTP {status} for the {what}.</source>
      <translation>Swift a répondu HTTP {status} pour {what}.</translation>
    </message>
    <message>
      <source>the storage URL and the server's status; details are in the Cogport log.</source>
      <translation>l'URL de stockage et l'état du serveur ; les détails figurent dans le journal Cogport.</translation>
    </message>
    <message>
      <source>The pasted Keystone token of connection '{name}' has expired.</source>
      <translation>Le jeton Keystone collé dans la connexion « {name} » a expiré.</translation>
    </message>
    <message>
      <source>the connection: paste a new token (openstack token issue), or use a password or an application credential, which Cogport renews by itself.</source>
      <translation>la connexion : collez un nouveau jeton (openstack token issue), ou utilisez un mot de passe ou des identifiants d'application, que Cogport renouvelle de lui-même.</translation>
    </message>
    <message>
      <source>Keystone answered HTTP {status} to connection '{name}'.</source>
      <translation>Keystone a répondu HTTP {status} à la connexion « {name} ».</translation>
    </message>
    <message>
      <source>the auth URL (it ends in /v3) and Keystone's status; details are in the Cogport log.</source>
      <translation>l'URL d'authentification (elle se termine par /v3) et l'état de Keystone ; les détails figurent dans le journal Cogport.</translation>
    </message>
    <message>
      <source>Keystone could not be reached. {reason}</source>
      <translation>Keystone n'a pas pu être joint. {reason}</translation>
    </message>
    <message>
      <source>the auth URL ({url}); {check}</source>
      <translation>l'URL d'authentification ({url}) ; {check}</translation>
    </message>
    <message>
      <source>empty</source>
      <translation>vide</translation>
    </message>
    <message>
      <source>Keystone does not accept the pasted token of connection '{name}' (expired, revoked or issued by another cloud).</source>
      <translation>Keystone n'accepte pas le jeton collé dans la connexion « {name} » (expiré, révoqué ou émis par un autre cloud).</translation>
    </message>
    <message>
      <source>the auth URL, or paste a new token (openstack token issue).</source>
      <translation>l'URL d'authentification, ou collez un nouveau jeton (openstack token issue).</translation>
    </message>
    <message>
      <source>Keystone refused the application credential of connection '{name}'.</source>
      <translation>Keystone a refusé les identifiants d'application de la connexion « {name} ».</translation>
    </message>
    <message>
      <source>the application credential ID and secret, and that it has not expired or been deleted (openstack application credential list).</source>
      <translation>l'identifiant et le secret d'application, et qu'ils n'ont pas expiré ni été supprimés (openstack application credential list).</translation>
    </message>
    <message>
      <source>Keystone accepted user '{user}' but not project '{project}' (domain '{domain}') for connection '{name}'.</source>
      <translation>Keystone a accepté l'utilisateur « {user} » mais pas le projet « {project} » (domaine « {domain} ») pour la connexion « {name} ».</translation>
    </message>
    <message>
      <source>the project name or ID and its domain, and that the user has a role on that project.</source>
      <translation>le nom ou l'ID du projet et son domaine, et que l'utilisateur a un rôle sur ce projet.</translation>
    </message>
    <message>
      <source>Keystone refused user '{user}' (domain '{domain}') or its password for connection '{name}'.</source>
      <translation>Keystone a refusé l'utilisateur « {user} » (domaine « {domain} ») ou son mot de passe pour la connexion « {name} ».</translation>
    </message>
    <message>
      <source>the user name, the user domain (often Default) and the password.</source>
      <translation>le nom d'utilisateur, le domaine de l'utilisateur (souvent Default) et le mot de passe.</translation>
    </message>
    <message>
      <source>project '{project}'</source>
      <translation>du projet « {project} »</translation>
    </message>
    <message>
      <source>this token</source>
      <translation>de ce jeton</translation>
    </message>
    <message>
      <source>Keystone gave connection '{name}' a token without a service catalog.</source>
      <translation>Keystone a donné à la connexion « {name} » un jeton sans catalogue de services.</translation>
    </message>
    <message>
      <source>that the connection names a project (a token must be scoped to a project to reach Swift).</source>
      <translation>que la connexion désigne un projet (un jeton doit être limité à un projet pour atteindre Swift).</translation>
    </message>
    <message>
      <source>The service catalog of {scope} has no object-store (Swift) service (connection '{name}').</source>
      <translation>Le catalogue de services {scope} ne contient aucun service object-store (Swift) (connexion « {name} »).</translation>
    </message>
    <message>
      <source>that Object Storage is enabled for this project, or choose the project that holds your containers.</source>
      <translation>que l'Object Storage est activé pour ce projet, ou choisissez le projet qui contient vos conteneurs.</translation>
    </message>
    <message>
      <source>The catalog of {scope} has no {interface} object-store endpoint in region '{region}' (connection '{name}').</source>
      <translation>Le catalogue {scope} ne contient aucun point de terminaison object-store {interface} dans la région « {region} » (connexion « {name} »).</translation>
    </message>
    <message>
      <source>(any)</source>
      <translation>(quelconque)</translation>
    </message>
    <message>
      <source>the region: Swift is offered in {regions} (interface {interface}).</source>
      <translation>la région : Swift est proposé dans {regions} (interface {interface}).</translation>
    </message>
    <message>
      <source>object {uri}</source>
      <translation>l'objet {uri}</translation>
    </message>
    <message>
      <source>The store did not start a multipart upload for {uri}.</source>
      <translation>Le stockage n'a pas démarré de téléversement multipart pour {uri}.</translation>
    </message>
    <message>
      <source>that the store supports S3 multipart uploads (or raise the part size above the file size).</source>
      <translation>que le stockage prend en charge les téléversements multipart S3 (ou augmentez la taille des parties au-delà de la taille du fichier).</translation>
    </message>
    <message>
      <source>part {number} of {uri}</source>
      <translation>la partie {number} de {uri}</translation>
    </message>
    <message>
      <source>The store could not assemble the parts of {uri}.</source>
      <translation>Le stockage n'a pas pu assembler les parties de {uri}.</translation>
    </message>
    <message>
      <source>the store's status, then upload again.</source>
      <translation>l'état du stockage, puis téléversez de nouveau.</translation>
    </message>
    <message>
      <source>application credential secret</source>
      <translation>secret d'application</translation>
    </message>
    <message>
      <source>Swift key</source>
      <translation>clé Swift</translation>
    </message>
    <message>
      <source>token</source>
      <translation>jeton</translation>
    </message>
    <message>
      <source>password</source>
      <translation>mot de passe</translation>
    </message>
    <message>
      <source>This file is not an OpenStack openrc file for Keystone v3.</source>
      <translation>Ce fichier n'est pas un fichier openrc OpenStack pour Keystone v3.</translation>
    </message>
    <message>
      <source>that you chose the *-openrc.sh file of your project (it sets OS_AUTH_URL ending in /v3).</source>
      <translation>que vous avez choisi le fichier *-openrc.sh de votre projet (il définit OS_AUTH_URL se terminant par /v3).</translation>
    </message>
    <message>
      <source>This file is not an openstacksdk clouds.yaml.</source>
      <translation>Ce fichier n'est pas un clouds.yaml d'openstacksdk.</translation>
    </message>
    <message>
      <source>that the file starts with 'clouds:' and lists one entry per cloud.</source>
      <translation>que le fichier commence par « clouds: » et contient une entrée par cloud.</translation>
    </message>
    <message>
      <source>The clouds.yaml file describes no Keystone v3 cloud.</source>
      <translation>Le fichier clouds.yaml ne décrit aucun cloud Keystone v3.</translation>
    </message>
    <message>
      <source>that each cloud has an auth section with auth_url.</source>
      <translation>que chaque cloud a une section auth avec auth_url.</translation>
    </message>
    <message>
      <source>auth endpoint</source>
      <translation>le point de terminaison d'authentification</translation>
    </message>
    <message>
      <source>Bucket '{bucket}' could not be opened with the service-account key of '{name}'.</source>
      <translation>Le bucket « {bucket} » n'a pas pu être ouvert avec la clé de compte de service de « {name} ».</translation>
    </message>
    <message>
      <source>the bucket name and that the service account has Storage Object Viewer on it.</source>
      <translation>le nom du bucket et que le compte de service a le rôle Storage Object Viewer sur celui-ci.</translation>
    </message>
    <message>
      <source>Connection '{name}' reached the store, which lists no buckets for it.</source>
      <translation>La connexion « {name} » a joint le stockage, qui ne liste aucun bucket pour elle.</translation>
    </message>
    <message>
      <source>that the account owns buckets, or type the buckets you use in the connection's Buckets field.</source>
      <translation>que le compte possède des buckets, ou saisissez les buckets que vous utilisez dans le champ Buckets de la connexion.</translation>
    </message>
    <message>
      <source>Cogport cannot list the buckets of a service-account connection ('{name}').</source>
      <translation>Cogport ne peut pas lister les buckets d'une connexion par compte de service (« {name} »).</translation>
    </message>
    <message>
      <source>Cogport cannot list the buckets of an anonymous connection ('{name}').</source>
      <translation>Cogport ne peut pas lister les buckets d'une connexion anonyme (« {name} »).</translation>
    </message>
    <message>
      <source>the connection's Buckets field: type the buckets you use there.</source>
      <translation>le champ Buckets de la connexion : saisissez-y les buckets que vous utilisez.</translation>
    </message>
    <message>
      <source>account</source>
      <translation>le compte</translation>
    </message>
    <message>
      <source>Connected</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <source>Connected through Keystone to project '{project}', region {region}, {interface} endpoint {url}</source>
      <translation>Connecté via Keystone au projet « {project} », région {region}, point de terminaison {interface} {url}</translation>
    </message>
    <message>
      <source>No containers yet.</source>
      <translation>Aucun conteneur pour l'instant.</translation>
    </message>
    <message>
      <source>1 container: {names}.</source>
      <translation>1 conteneur : {names}.</translation>
    </message>
    <message>
      <source>{count} containers: {names}.</source>
      <translation>{count} conteneurs : {names}.</translation>
    </message>
    <message>
      <source>No buckets yet.</source>
      <translation>Aucun bucket pour l'instant.</translation>
    </message>
    <message>
      <source>1 bucket: {names}.</source>
      <translation>1 bucket : {names}.</translation>
    </message>
    <message>
      <source>{count} buckets: {names}.</source>
      <translation>{count} buckets : {names}.</translation>
    </message>
    <message>
      <source>Connection '{name}' uses virtual hosting, so bucket '{bucket}' was addressed as the host {bucket}.{endpoint}, which cannot exist: the endpoint is an IP address.</source>
      <translation>La connexion « {name} » utilise l'hébergement virtuel : le bucket « {bucket} » a donc été adressé comme l'hôte {bucket}.{endpoint}, qui ne peut pas exister, car le point de terminaison est une adresse IP.</translation>
    </message>
    <message>
      <source>the connection's Path-style addressing (host/bucket) box: tick it for this store.</source>
      <translation>la case Adressage par chemin (hôte/bucket) de la connexion : cochez-la pour ce stockage.</translation>
    </message>
    <message>
      <source>endpoint {endpoint}</source>
      <translation>le point de terminaison {endpoint}</translation>
    </message>
    <message>
      <source>segment container '{container}'</source>
      <translation>le conteneur de segments « {container} »</translation>
    </message>
    <message>
      <source>segment {key}</source>
      <translation>le segment {key}</translation>
    </message>
    <message>
      <source>No Swift credentials are configured for container '{container}'.</source>
      <translation>Aucun identifiant Swift n'est configuré pour le conteneur « {container} ».</translation>
    </message>
    <message>
      <source>the connection, or set GDAL's OS_* options (OS_IDENTITY_API_VERSION=3, OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME…), SWIFT_AUTH_V1_URL, SWIFT_USER and SWIFT_KEY, or SWIFT_STORAGE_URL and SWIFT_AUTH_TOKEN.</source>
      <translation>la connexion, ou définissez les options OS_* de GDAL (OS_IDENTITY_API_VERSION=3, OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME…), SWIFT_AUTH_V1_URL, SWIFT_USER et SWIFT_KEY, ou SWIFT_STORAGE_URL et SWIFT_AUTH_TOKEN.</translation>
    </message>
    <message>
      <source>Uploading {name}: {figures}</source>
      <translation>Téléversement de {name} : {figures}</translation>
    </message>
    <message>
      <source>{sent} of {total}, {rate}/s</source>
      <translation>{sent} sur {total}, {rate}/s</translation>
    </message>
    <message>
      <source>, {duration} left</source>
      <translation>, reste {duration}</translation>
    </message>
    <message>
      <source>{size} B</source>
      <translation>{size} o</translation>
    </message>
    <message>
      <source>{size} KB</source>
      <translation>{size} Ko</translation>
    </message>
    <message>
      <source>{size} MB</source>
      <translation>{size} Mo</translation>
    </message>
    <message>
      <source>{size} GB</source>
      <translation>{size} Go</translation>
    </message>
    <message>
      <source>{seconds} s</source>
      <translation>{seconds} s</translation>
    </message>
    <message>
      <source>{minutes} min {seconds} s</source>
      <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
      <source>The file being uploaded became shorter while it was read.</source>
      <translation>Le fichier en cours de téléversement a raccourci pendant sa lecture.</translation>
    </message>
    <message>
      <source>that no other program is writing the file, then upload again.</source>
      <translation>qu'aucun autre programme n'écrit dans le fichier, puis téléversez de nouveau.</translation>
    </message>
    <message>
      <source>The store's checksum of {what} does not match the bytes sent.</source>
      <translation>La somme de contrôle calculée par le stockage pour {what} ne correspond pas aux octets envoyés.</translation>
    </message>
    <message>
      <source>the network path (a proxy rewriting uploads) and the store's health, then upload again.</source>
      <translation>le chemin réseau (un proxy qui réécrit les téléversements) et l'état du stockage, puis téléversez de nouveau.</translation>
    </message>
    <message>
      <source>The uploaded object {uri} has {size} bytes on the store instead of {expected}.</source>
      <translation>L'objet téléversé {uri} fait {size} octets sur le stockage au lieu de {expected}.</translation>
    </message>
    <message>
      <source>the store's health and quota, then upload again.</source>
      <translation>l'état et le quota du stockage, puis téléversez de nouveau.</translation>
    </message>
    <message>
      <source>{uri} would not be uploaded with GDAL's own settings: Cogport has bucket '{bucket}' open through connection '{name}', whose keys GDAL uses for it.</source>
      <translation>{uri} ne serait pas téléversé avec les paramètres propres à GDAL : Cogport a ouvert le bucket « {bucket} » via la connexion « {name} », dont GDAL utilise les clés pour ce bucket.</translation>
    </message>
    <message>
      <source>the connection of the upload: choose '{name}' to upload with it; GDAL's own settings apply to buckets Cogport has not opened in this QGIS session.</source>
      <translation>la connexion du téléversement : choisissez « {name} » pour téléverser avec elle ; les paramètres propres à GDAL s'appliquent aux buckets que Cogport n'a pas ouverts dans cette session QGIS.</translation>
    </message>
    <message>
      <source>{uri} cannot be reached through connection '{name}' ({kind}).</source>
      <translation>{uri} ne peut pas être atteint via la connexion « {name} » ({kind}).</translation>
    </message>
    <message>
      <source>that the destination starts with the scheme of the connection's store (/{handler}/… here).</source>
      <translation>que la destination commence par le schéma du stockage de la connexion (ici /{handler}/…).</translation>
    </message>
    <message>
      <source>No free name was found for {uri} after {count} tries.</source>
      <translation>Aucun nom libre n'a été trouvé pour {uri} après {count} essais.</translation>
    </message>
    <message>
      <source>the destination prefix: clean it up or choose another name.</source>
      <translation>le préfixe de destination : faites-y le ménage ou choisissez un autre nom.</translation>
    </message>
    <message>
      <source>'{path}' is not a local file that can be uploaded.</source>
      <translation>« {path} » n'est pas un fichier local téléversable.</translation>
    </message>
    <message>
      <source>the path of the file.</source>
      <translation>le chemin du fichier.</translation>
    </message>
    <message>
      <source>{uri} already exists.</source>
      <translation>{uri} existe déjà.</translation>
    </message>
    <message>
      <source>whether to overwrite it (the OVERWRITE option), or choose another destination.</source>
      <translation>s'il faut l'écraser (option OVERWRITE), ou choisissez une autre destination.</translation>
    </message>
    <message>
      <source>'{text}' is not an object location Cogport understands.</source>
      <translation>« {text} » n'est pas un emplacement d'objet que Cogport comprend.</translation>
    </message>
    <message>
      <source>the form: s3://bucket/key, gs://bucket/key, swift://container/key, /vsis3/bucket/key, /vsiswift/container/key, /vsigs/bucket/key, or an https:// S3 or Google Cloud Storage URL.</source>
      <translation>la forme : s3://bucket/clé, gs://bucket/clé, swift://conteneur/clé, /vsis3/bucket/clé, /vsiswift/conteneur/clé, /vsigs/bucket/clé, ou une URL https:// S3 ou Google Cloud Storage.</translation>
    </message>
    <message>
      <source>GDAL could not open {uri}{connection}.</source>
      <translation>GDAL n'a pas pu ouvrir {uri}{connection}.</translation>
    </message>
    <message>
      <source>GDAL could not write {uri}{connection}.</source>
      <translation>GDAL n'a pas pu écrire {uri}{connection}.</translation>
    </message>
    <message>
      <source>GDAL could not finish {uri}{connection}.</source>
      <translation>GDAL n'a pas pu terminer {uri}{connection}.</translation>
    </message>
    <message>
      <source>The bucket '{bucket}' does not exist or cannot be reached{connection}.</source>
      <translation>Le bucket « {bucket} » n'existe pas ou ne peut pas être atteint{connection}.</translation>
    </message>
    <message>
      <source>the bucket name, and the credentials for it (the connection, or GDAL's AWS_*, GS_* and SWIFT_* settings).</source>
      <translation>le nom du bucket, et les identifiants qui y donnent accès (la connexion, ou les paramètres AWS_*, GS_* et SWIFT_* de GDAL).</translation>
    </message>
    <message>
      <source>The store refused to let these credentials write {uri}{connection}.</source>
      <translation>Le stockage a refusé que ces identifiants écrivent {uri}{connection}.</translation>
    </message>
    <message>
      <source>the access key and secret (or service account), and that they may write to this bucket.</source>
      <translation>la clé d'accès et le secret (ou le compte de service), et qu'ils ont le droit d'écrire dans ce bucket.</translation>
    </message>
    <message>
      <source>The bucket '{bucket}' does not exist{connection}.</source>
      <translation>Le bucket « {bucket} » n'existe pas{connection}.</translation>
    </message>
    <message>
      <source>the bucket name and the account or project that owns it.</source>
      <translation>le nom du bucket et le compte ou projet auquel il appartient.</translation>
    </message>
    <message>
      <source>the credentials for this bucket (connection or AWS_*/GS_* settings) and the network.</source>
      <translation>les identifiants de ce bucket (connexion ou paramètres AWS_*/GS_*) et le réseau.</translation>
    </message>
    <message>
      <source>Uploading {uri} failed{connection}.</source>
      <translation>Le téléversement de {uri} a échoué{connection}.</translation>
    </message>
    <message>
      <source>the network and the store's status; details are in the Cogport log.</source>
      <translation>le réseau et l'état du stockage ; les détails figurent dans le journal Cogport.</translation>
    </message>
    <message>
      <source>unchanged (stored in the QGIS authentication database)</source>
      <translation>inchangé (stocké dans la base de données d'authentification de QGIS)</translation>
    </message>
    <message>
      <source>Testing BYOC connection {name}</source>
      <translation>Test de la connexion BYOC {name}</translation>
    </message>
    <message>
      <source>The connection needs a name without '/' or '\'.</source>
      <translation>La connexion a besoin d'un nom sans « / » ni « \ ».</translation>
    </message>
    <message>
      <source>the Name field.</source>
      <translation>le champ Nom.</translation>
    </message>
    <message>
      <source>Unknown deployment '{deployment}'.</source>
      <translation>Déploiement « {deployment} » inconnu.</translation>
    </message>
    <message>
      <source>the Deployment choice.</source>
      <translation>le choix Déploiement.</translation>
    </message>
    <message>
      <source>The connection needs an OAuth client id and client secret.</source>
      <translation>La connexion a besoin d'un ID client et d'un secret client OAuth.</translation>
    </message>
    <message>
      <source>the Client id and Client secret fields (Sentinel Hub Dashboard &gt; User settings &gt; OAuth clients).</source>
      <translation>les champs ID client et Secret client (Sentinel Hub Dashboard &gt; User settings &gt; OAuth clients).</translation>
    </message>
    <message>
      <source>There is no BYOC connection named '{name}'.</source>
      <translation>Il n'existe aucune connexion BYOC nommée « {name} ».</translation>
    </message>
    <message>
      <source>the connection list in the Sentinel Hub BYOC panel.</source>
      <translation>la liste des connexions du panneau Sentinel Hub BYOC.</translation>
    </message>
    <message>
      <source>The BYOC connection '{name}' has no saved client id or secret.</source>
      <translation>La connexion BYOC « {name} » n'a pas d'ID client ou de secret enregistré.</translation>
    </message>
    <message>
      <source>the connection: edit it and enter the client id and secret again.</source>
      <translation>la connexion : modifiez-la et saisissez de nouveau l'ID client et le secret.</translation>
    </message>
    <message>
      <source>(environment: SH_CLIENT_ID)</source>
      <translation>(environnement : SH_CLIENT_ID)</translation>
    </message>
    <message>
      <source>Path</source>
      <translation>Chemin</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Sensing time</source>
      <translation>Date d'acquisition</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Création</translation>
    </message>
    <message>
      <source>Failure cause / warnings</source>
      <translation>Cause de l'échec / avertissements</translation>
    </message>
    <message>
      <source>Create a connection with New… (an OAuth client of your Sentinel Hub account).</source>
      <translation>Créez une connexion avec Nouveau… (un client OAuth de votre compte Sentinel Hub).</translation>
    </message>
    <message>
      <source>Delete connection</source>
      <translation>Supprimer la connexion</translation>
    </message>
    <message>
      <source>Delete the connection '{name}' and its saved client secret? Collections on Sentinel Hub are not touched.</source>
      <translation>Supprimer la connexion « {name} » et son secret client enregistré ? Les collections sur Sentinel Hub ne sont pas modifiées.</translation>
    </message>
    <message>
      <source>List BYOC collections</source>
      <translation>Lister les collections BYOC</translation>
    </message>
    <message>
      <source>{count} collections.</source>
      <translation>{count} collections.</translation>
    </message>
    <message>
      <source>Create BYOC collection</source>
      <translation>Créer une collection BYOC</translation>
    </message>
    <message>
      <source>Collection name</source>
      <translation>Nom de la collection</translation>
    </message>
    <message>
      <source>Bucket holding the COGs (CDSE: PROJECT_ID:bucket)</source>
      <translation>Bucket contenant les COG (CDSE : PROJECT_ID:bucket)</translation>
    </message>
    <message>
      <source>Create BYOC collection {name}</source>
      <translation>Création de la collection BYOC {name}</translation>
    </message>
    <message>
      <source>Rename BYOC collection</source>
      <translation>Renommer une collection BYOC</translation>
    </message>
    <message>
      <source>New name</source>
      <translation>Nouveau nom</translation>
    </message>
    <message>
      <source>Rename BYOC collection {name}</source>
      <translation>Renommage de la collection BYOC {name}</translation>
    </message>
    <message>
      <source>Delete BYOC collection</source>
      <translation>Supprimer une collection BYOC</translation>
    </message>
    <message>
      <source>Delete the collection '{name}'?

This also deletes all of its {count} tiles from Sentinel Hub; it cannot be undone. The files in the bucket are not touched.</source>
      <translation>Supprimer la collection « {name} » ?

Cela supprime aussi ses {count} tuiles de Sentinel Hub ; cette action est irréversible. Les fichiers du bucket ne sont pas modifiés.</translation>
    </message>
    <message>
      <source>Delete BYOC collection {name}</source>
      <translation>Suppression de la collection BYOC {name}</translation>
    </message>
    <message>
      <source>List tiles of {name}</source>
      <translation>Listage des tuiles de {name}</translation>
    </message>
    <message>
      <source>{count} tiles: {statuses}</source>
      <translation>{count} tuiles : {statuses}</translation>
    </message>
    <message>
      <source>No collection selected.</source>
      <translation>Aucune collection sélectionnée.</translation>
    </message>
    <message>
      <source>Reingest {count} BYOC tile(s)</source>
      <translation>Réingestion de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Delete BYOC tiles</source>
      <translation>Supprimer des tuiles BYOC</translation>
    </message>
    <message>
      <source>Delete {count} tile(s) from the collection? The files stay in the bucket.</source>
      <translation>Supprimer {count} tuile(s) de la collection ? Les fichiers restent dans le bucket.</translation>
    </message>
    <message>
      <source>Delete {count} BYOC tile(s)</source>
      <translation>Suppression de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Sensing time (e.g. 2019-11-27T10:30:00Z)</source>
      <translation>Date d'acquisition (par ex. 2019-11-27T10:30:00Z)</translation>
    </message>
    <message>
      <source>Set sensing time of {count} BYOC tile(s)</source>
      <translation>Définition de la date d'acquisition de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Select one tile here and one polygon in the active vector layer.</source>
      <translation>Sélectionnez une tuile ici et un polygone dans la couche vecteur active.</translation>
    </message>
    <message>
      <source>Set cover geometry of {count} BYOC tile(s)</source>
      <translation>Définition de la géométrie de couverture de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Select one or more tiles first.</source>
      <translation>Sélectionnez d'abord une ou plusieurs tuiles.</translation>
    </message>
    <message>
      <source>Select (or create) the collection to register tiles in.</source>
      <translation>Sélectionnez (ou créez) la collection dans laquelle déclarer les tuiles.</translation>
    </message>
    <message>
      <source>BYOC {collection}</source>
      <translation>BYOC {collection}</translation>
    </message>
    <message>
      <source>The layer's CRS has no EPSG code.</source>
      <translation>Le SCR de la couche n'a pas de code EPSG.</translation>
    </message>
    <message>
      <source>the layer CRS (BYOC needs an EPSG code).</source>
      <translation>le SCR de la couche (BYOC exige un code EPSG).</translation>
    </message>
    <message>
      <source>{count} objects of {bucket} are ready: select or create the target collection, then press Register tiles….</source>
      <translation>{count} objets de {bucket} sont prêts : sélectionnez ou créez la collection cible, puis cliquez sur Déclarer des tuiles….</translation>
    </message>
    <message>
      <source>Group BYOC tiles</source>
      <translation>Regrouper les tuiles BYOC</translation>
    </message>
    <message>
      <source>{tiles}; band files: {bands}</source>
      <translation>{tiles} ; fichiers de bandes : {bands}</translation>
    </message>
    <message>
      <source>⚠ {names} were grouped into one tile, {template}, only because they share a folder: their names ({bands}) look like separate images, not bands. If they are separate images, put each in its own folder or name its band files …_B04.tif, …_B08.tif before registering.</source>
      <translation>⚠ {names} ont été regroupés en une seule tuile, {template}, uniquement parce qu'ils partagent un dossier : leurs noms ({bands}) évoquent des images distinctes, pas des bandes. S'il s'agit d'images distinctes, placez chacune dans son propre dossier ou nommez ses fichiers de bandes …_B04.tif, …_B08.tif avant la déclaration.</translation>
    </message>
    <message>
      <source>… and {count} more tiles.</source>
      <translation>… et {count} autres tuiles.</translation>
    </message>
    <message>
      <source>Check the proposed tiles below before registering.</source>
      <translation>Vérifiez les tuiles proposées ci-dessous avant de les déclarer.</translation>
    </message>
    <message>
      <source>{tiles} proposed: check them below, then press Register.</source>
      <translation>Tuiles proposées : {tiles}. Vérifiez-les ci-dessous, puis cliquez sur Déclarer.</translation>
    </message>
    <message>
      <source>{template}: {files}</source>
      <translation>{template} : {files}</translation>
    </message>
    <message>
      <source>no files</source>
      <translation>aucun fichier</translation>
    </message>
    <message>
      <source>1 tile</source>
      <translation>1 tuile</translation>
    </message>
    <message>
      <source>{count} tiles</source>
      <translation>{count} tuiles</translation>
    </message>
    <message>
      <source>Nothing was registered: the sensing time cannot be read.</source>
      <translation>Rien n'a été déclaré : la date d'acquisition est illisible.</translation>
    </message>
    <message>
      <source>Register BYOC tiles in {collection}</source>
      <translation>Déclarer des tuiles BYOC dans {collection}</translation>
    </message>
    <message>
      <source>Pre-flight: {files} files checked, {bytes} bytes read.</source>
      <translation>Contrôle préalable : {files} fichiers vérifiés, {bytes} octets lus.</translation>
    </message>
    <message>
      <source>ERROR {problem}</source>
      <translation>ERREUR {problem}</translation>
    </message>
    <message>
      <source>warning {problem}</source>
      <translation>avertissement {problem}</translation>
    </message>
    <message>
      <source>Collection bands configured from the first tile: {bands}.</source>
      <translation>Bandes de la collection configurées à partir de la première tuile : {bands}.</translation>
    </message>
    <message>
      <source>Registered: {summary}</source>
      <translation>Déclaration : {summary}</translation>
    </message>
    <message>
      <source>failed {path}: {reason}</source>
      <translation>échec {path} : {reason}</translation>
    </message>
    <message>
      <source>Nothing was registered: fix the problems below first.</source>
      <translation>Rien n'a été déclaré : corrigez d'abord les problèmes ci-dessous.</translation>
    </message>
    <message>
      <source>Nothing was registered.</source>
      <translation>Rien n'a été déclaré.</translation>
    </message>
    <message>
      <source>Cancelled. Tiles sent before the cancel stay registered; running again resumes.</source>
      <translation>Annulé. Les tuiles envoyées avant l'annulation restent déclarées ; une nouvelle exécution reprend là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
      <source>No tiles to register.</source>
      <translation>Aucune tuile à déclarer.</translation>
    </message>
    <message>
      <source>the list: object keys, prefixes ending in /, or (BAND) paths.</source>
      <translation>la liste : clés d'objet, préfixes terminés par / ou chemins avec (BAND).</translation>
    </message>
    <message>
      <source>Profile default</source>
      <translation>Par défaut du profil</translation>
    </message>
    <message>
      <source>The nodata value '{value}' is not a number.</source>
      <translation>La valeur nodata « {value} » n'est pas un nombre.</translation>
    </message>
    <message>
      <source>The nodata value must be finite or nan.</source>
      <translation>La valeur nodata doit être finie ou nan.</translation>
    </message>
    <message>
      <source>The band list '{value}' is not valid: give band numbers separated by commas, e.g. 4,3,2.</source>
      <translation>La liste de bandes « {value} » n'est pas valide : indiquez des numéros de bande séparés par des virgules, par ex. 4,3,2.</translation>
    </message>
    <message>
      <source>Add and check at least one raster to convert.</source>
      <translation>Ajoutez et cochez au moins un raster à convertir.</translation>
    </message>
    <message>
      <source>Choose a destination folder for the COGs.</source>
      <translation>Choisissez un dossier de destination pour les COG.</translation>
    </message>
    <message>
      <source>The destination folder could not be created ({reason}). Check the path and your permissions.</source>
      <translation>Impossible de créer le dossier de destination ({reason}). Vérifiez le chemin et vos droits.</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>en attente</translation>
    </message>
    <message>
      <source>{count} raster(s)</source>
      <translation>{count} raster(s)</translation>
    </message>
    <message>
      <source>Converting {count} to COG ({profile})</source>
      <translation>Conversion de {count} en COG ({profile})</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Converting {count}…</source>
      <translation>Conversion de {count}…</translation>
    </message>
    <message>
      <source>converting</source>
      <translation>conversion</translation>
    </message>
    <message>
      <source>✔ converted.</source>
      <translation>✔ converti.</translation>
    </message>
    <message>
      <source>✘ {reason}</source>
      <translation>✘ {reason}</translation>
    </message>
    <message>
      <source>Converted {done} of {total} rasters.</source>
      <translation>Rasters convertis : {done} sur {total}.</translation>
    </message>
    <message>
      <source>Uploading the converted copies back to {folders}; the message bar reports the result.</source>
      <translation>Téléversement des copies converties vers {folders} ; la barre de messages indiquera le résultat.</translation>
    </message>
    <message>
      <source>No saved connection opens {objects}: upload those copies from the Publish dock.</source>
      <translation>Aucune connexion enregistrée n'ouvre {objects} : téléversez ces copies depuis le panneau Publier.</translation>
    </message>
    <message>
      <source>not converted</source>
      <translation>non converti</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annulé</translation>
    </message>
    <message>
      <source>Conversion cancelled. Files finished before the cancel were kept; no partial file was left.</source>
      <translation>Conversion annulée. Les fichiers terminés avant l'annulation ont été conservés ; aucun fichier partiel n'a été laissé.</translation>
    </message>
    <message>
      <source>Convert</source>
      <translation>Convertir</translation>
    </message>
    <message>
      <source>Choose rasters to convert</source>
      <translation>Choisir les rasters à convertir</translation>
    </message>
    <message>
      <source>Choose a folder of rasters</source>
      <translation>Choisir un dossier de rasters</translation>
    </message>
    <message>
      <source>Choose the destination folder</source>
      <translation>Choisir le dossier de destination</translation>
    </message>
    <message>
      <source>Enter a file path or URI to validate.</source>
      <translation>Saisissez un chemin de fichier ou un URI à valider.</translation>
    </message>
    <message>
      <source>Validating {count} file(s) for the '{profile}' profile…</source>
      <translation>Validation de {count} fichier(s) pour le profil « {profile} »…</translation>
    </message>
    <message>
      <source>Validate COG ({profile})</source>
      <translation>Valider un COG ({profile})</translation>
    </message>
    <message>
      <source>Valid COG for '{profile}': {errors} error(s), {warnings} warning(s)</source>
      <translation>COG valide pour « {profile} » : {errors} erreur(s), {warnings} avertissement(s)</translation>
    </message>
    <message>
      <source>Not a valid COG for '{profile}': {errors} error(s), {warnings} warning(s)</source>
      <translation>COG non valide pour « {profile} » : {errors} erreur(s), {warnings} avertissement(s)</translation>
    </message>
    <message>
      <source>{count} header bytes read</source>
      <translation>{count} octets d'en-tête lus</translation>
    </message>
    <message>
      <source>{valid} of {total} file(s) are valid COGs for the '{profile}' profile.</source>
      <translation>{valid} fichier(s) sur {total} sont des COG valides pour le profil « {profile} ».</translation>
    </message>
    <message>
      <source>{failed} could not be read.</source>
      <translation>{failed} illisible(s).</translation>
    </message>
    <message>
      <source>Not queued: converting cannot fix these files.</source>
      <translation>Non mis en file d'attente : la conversion ne peut pas corriger ces fichiers.</translation>
    </message>
    <message>
      <source>{count} bucket object(s) will be converted into local copies in the destination folder. Tick “Upload the converted copies…” below to put them back in their bucket.</source>
      <translation>{count} objet(s) de bucket seront convertis en copies locales dans le dossier de destination. Cochez « Téléverser les copies converties… » ci-dessous pour les renvoyer dans leur bucket.</translation>
    </message>
    <message>
      <source>Choose TIFF files</source>
      <translation>Choisir des fichiers TIFF</translation>
    </message>
    <message>
      <source>TIFF files (*.tif *.tiff)</source>
      <translation>Fichiers TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
      <source>Validate COG</source>
      <translation>Valider un COG</translation>
    </message>
    <message>
      <source>'{layer}' is not a GDAL raster file layer; only TIFF files and objects can be validated.</source>
      <translation>« {layer} » n'est pas une couche raster GDAL issue d'un fichier ; seuls les fichiers et objets TIFF peuvent être validés.</translation>
    </message>
    <message>
      <source>Could not save the secrets of '{name}' in the QGIS authentication database.</source>
      <translation>Impossible d'enregistrer les secrets de « {name} » dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>that the master password is set (Settings &gt; Options &gt; Authentication).</source>
      <translation>que le mot de passe principal est défini (Préférences &gt; Options &gt; Authentification).</translation>
    </message>
    <message>
      <source>The saved credentials (auth config {authcfg}) could not be read.</source>
      <translation>Impossible de lire les identifiants enregistrés (configuration d'authentification {authcfg}).</translation>
    </message>
    <message>
      <source>that the QGIS master password is entered and the auth config still exists.</source>
      <translation>que le mot de passe principal de QGIS est saisi et que la configuration d'authentification existe toujours.</translation>
    </message>
    <message>
      <source>Testing…</source>
      <translation>Test en cours…</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Avertissement</translation>
    </message>
    <message>
      <source>Information</source>
      <translation>Information</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Constat</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>Correction</translation>
    </message>
    <message>
      <source>{task} failed.</source>
      <translation>Échec de {task}.</translation>
    </message>
    <message>
      <source>Unexpected error ({kind}). Details are in the Cogport log panel.</source>
      <translation>Erreur inattendue ({kind}). Les détails figurent dans le panneau de journal Cogport.</translation>
    </message>
    <message>
      <source>Access token (pasted)</source>
      <translation>Jeton d'accès (collé)</translation>
    </message>
    <message>
      <source>QGIS OAuth2 configuration</source>
      <translation>Configuration OAuth2 de QGIS</translation>
    </message>
    <message>
      <source>ya29.…  (leave empty to keep the saved token)</source>
      <translation>ya29.…  (laissez vide pour conserver le jeton enregistré)</translation>
    </message>
    <message>
      <source>ya29.…</source>
      <translation>ya29.…</translation>
    </message>
    <message>
      <source>Paste the key JSON, or load it from a file (leave empty to keep the saved key)</source>
      <translation>Collez la clé JSON ou chargez-la depuis un fichier (laissez vide pour conserver la clé enregistrée)</translation>
    </message>
    <message>
      <source>Paste the key JSON, or load it from a file</source>
      <translation>Collez la clé JSON ou chargez-la depuis un fichier</translation>
    </message>
    <message>
      <source>Testing Earth Engine connection {name}</source>
      <translation>Test de la connexion Earth Engine {name}</translation>
    </message>
    <message>
      <source>Service-account key</source>
      <translation>Clé de compte de service</translation>
    </message>
    <message>
      <source>JSON key (*.json)</source>
      <translation>Clé JSON (*.json)</translation>
    </message>
    <message>
      <source>(environment: COGPORT_EE_TOKEN)</source>
      <translation>(environnement : COGPORT_EE_TOKEN)</translation>
    </message>
    <message>
      <source>There is no Earth Engine connection named '{name}'.</source>
      <translation>Il n'existe aucune connexion Earth Engine nommée « {name} ».</translation>
    </message>
    <message>
      <source>the connection list (Cogport &gt; Register Earth Engine asset…).</source>
      <translation>la liste des connexions (Cogport &gt; Déclarer un élément Earth Engine…).</translation>
    </message>
    <message>
      <source>The connection has no name.</source>
      <translation>La connexion n'a pas de nom.</translation>
    </message>
    <message>
      <source>No QGIS OAuth2 configuration was chosen.</source>
      <translation>Aucune configuration OAuth2 de QGIS n'a été choisie.</translation>
    </message>
    <message>
      <source>the Authentication selector: pick or create an OAuth2 configuration.</source>
      <translation>le sélecteur d'authentification : choisissez ou créez une configuration OAuth2.</translation>
    </message>
    <message>
      <source>The connection '{name}' has no credentials.</source>
      <translation>La connexion « {name} » n'a pas d'identifiants.</translation>
    </message>
    <message>
      <source>the credentials: paste an access token or a service-account key.</source>
      <translation>les identifiants : collez un jeton d'accès ou une clé de compte de service.</translation>
    </message>
    <message>
      <source>the pasted token</source>
      <translation>le jeton collé</translation>
    </message>
    <message>
      <source>the QGIS OAuth2 sign-in</source>
      <translation>la connexion OAuth2 de QGIS</translation>
    </message>
    <message>
      <source>Unknown credential kind '{kind}'.</source>
      <translation>Type d'identifiants « {kind} » inconnu.</translation>
    </message>
    <message>
      <source>the connection settings.</source>
      <translation>les paramètres de la connexion.</translation>
    </message>
    <message>
      <source>The connection '{name}' has no saved credentials.</source>
      <translation>La connexion « {name} » n'a pas d'identifiants enregistrés.</translation>
    </message>
    <message>
      <source>the connection's credentials: edit it and paste the token or service-account key again.</source>
      <translation>les identifiants de la connexion : modifiez-la et collez à nouveau le jeton ou la clé de compte de service.</translation>
    </message>
    <message>
      <source>the token of connection '{name}'</source>
      <translation>le jeton de la connexion « {name} »</translation>
    </message>
    <message>
      <source>QGIS could not get an Earth Engine token from the OAuth2 configuration.</source>
      <translation>QGIS n'a pas pu obtenir de jeton Earth Engine à partir de la configuration OAuth2.</translation>
    </message>
    <message>
      <source>the configuration in Settings &gt; Options &gt; Authentication: Google's auth and token URLs, the client id, and the scope https://www.googleapis.com/auth/earthengine (plus https://www.googleapis.com/auth/devstorage.read_only for the bucket checks).</source>
      <translation>la configuration dans Préférences &gt; Options &gt; Authentification : les URL d'authentification et de jeton de Google, l'ID client et la portée https://www.googleapis.com/auth/earthengine (plus https://www.googleapis.com/auth/devstorage.read_only pour les vérifications du bucket).</translation>
    </message>
    <message>
      <source>Delete the Earth Engine connection '{name}' and its saved secret?</source>
      <translation>Supprimer la connexion Earth Engine « {name} » et son secret enregistré ?</translation>
    </message>
    <message>
      <source>Band '{band}' (row {row}) has a band index or missing-data value that is not a number.</source>
      <translation>La bande « {band} » (ligne {row}) a un indice de bande ou une valeur de données manquantes qui n'est pas un nombre.</translation>
    </message>
    <message>
      <source>the Band index (an integer from 0) and Missing data (comma-separated numbers) columns.</source>
      <translation>les colonnes Indice de bande (un entier à partir de 0) et Données manquantes (nombres séparés par des virgules).</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Traitement en cours…</translation>
    </message>
    <message>
      <source>Add at least one gs:// COG first.</source>
      <translation>Ajoutez d'abord au moins un COG gs://.</translation>
    </message>
    <message>
      <source>Read {bands} band(s) from {files} file(s).</source>
      <translation>{bands} bande(s) lue(s) dans {files} fichier(s).</translation>
    </message>
    <message>
      <source>Read Earth Engine bands from the COGs</source>
      <translation>Lire les bandes Earth Engine dans les COG</translation>
    </message>
    <message>
      <source>Check Earth Engine asset {asset}</source>
      <translation>Vérification de l'élément Earth Engine {asset}</translation>
    </message>
    <message>
      <source>Register Earth Engine asset {asset}</source>
      <translation>Déclaration de l'élément Earth Engine {asset}</translation>
    </message>
    <message>
      <source>Register {count} Earth Engine asset(s) under {asset}</source>
      <translation>Déclaration de {count} élément(s) Earth Engine sous {asset}</translation>
    </message>
    <message>
      <source>Registered &lt;a href='{url}'&gt;{asset}&lt;/a&gt;</source>
      <translation>&lt;a href='{url}'&gt;{asset}&lt;/a&gt; déclaré</translation>
    </message>
    <message>
      <source>{registered} of {count} asset(s) registered.</source>
      <translation>{registered} élément(s) sur {count} déclaré(s).</translation>
    </message>
    <message>
      <source>Registered (overwriting) Earth Engine asset &lt;b&gt;{asset}&lt;/b&gt;. {link}</source>
      <translation>Élément Earth Engine &lt;b&gt;{asset}&lt;/b&gt; déclaré (en écrasant l'existant). {link}</translation>
    </message>
    <message>
      <source>Registered Earth Engine asset &lt;b&gt;{asset}&lt;/b&gt;. {link}</source>
      <translation>Élément Earth Engine &lt;b&gt;{asset}&lt;/b&gt; déclaré. {link}</translation>
    </message>
    <message>
      <source>&lt;a href='{url}'&gt;Open it in the Code Editor&lt;/a&gt;</source>
      <translation>&lt;a href='{url}'&gt;L'ouvrir dans le Code Editor&lt;/a&gt;</translation>
    </message>
    <message>
      <source>Checks passed for {asset} (see warnings).</source>
      <translation>Vérifications réussies pour {asset} (voir les avertissements).</translation>
    </message>
    <message>
      <source>Checks passed for {asset}.</source>
      <translation>Vérifications réussies pour {asset}.</translation>
    </message>
    <message>
      <source>{count} error(s) block registration: see the findings and their fixes.</source>
      <translation>{count} erreur(s) empêchent la déclaration : consultez les constats et leurs corrections.</translation>
    </message>
    <message>
      <source>Import manifest</source>
      <translation>Importer un manifeste</translation>
    </message>
    <message>
      <source>Manifest (*.json)</source>
      <translation>Manifeste (*.json)</translation>
    </message>
    <message>
      <source>Could not read {path}: {error}</source>
      <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
      <source>Imported {file}.</source>
      <translation>{file} importé.</translation>
    </message>
    <message>
      <source>Export manifest</source>
      <translation>Exporter le manifeste</translation>
    </message>
    <message>
      <source>Exported {file} (for `earthengine upload external_image --manifest`).</source>
      <translation>{file} exporté (pour `earthengine upload external_image --manifest`).</translation>
    </message>
    <message>
      <source>Validate COG…</source>
      <translation>Valider un COG…</translation>
    </message>
    <message>
      <source>Convert to COG…</source>
      <translation>Convertir en COG…</translation>
    </message>
    <message>
      <source>Register Earth Engine asset…</source>
      <translation>Déclarer un élément Earth Engine…</translation>
    </message>
    <message>
      <source>Publish to bucket…</source>
      <translation>Publier vers un bucket…</translation>
    </message>
    <message>
      <source>Cogport buckets</source>
      <translation>Buckets Cogport</translation>
    </message>
    <message>
      <source>Convert to COG (local copy)…</source>
      <translation>Convertir en COG (copie locale)…</translation>
    </message>
    <message>
      <source>Register in Earth Engine…</source>
      <translation>Déclarer dans Earth Engine…</translation>
    </message>
    <message>
      <source>Publish local files here…</source>
      <translation>Publier des fichiers locaux ici…</translation>
    </message>
    <message>
      <source>Register as Sentinel Hub BYOC tiles…</source>
      <translation>Déclarer comme tuiles Sentinel Hub BYOC…</translation>
    </message>
    <message>
      <source>Add as mosaic</source>
      <translation>Ajouter comme mosaïque</translation>
    </message>
    <message>
      <source>Cloud Optimized GeoTIFF</source>
      <translation>Cloud Optimized GeoTIFF</translation>
    </message>
    <message>
      <source>Object storage</source>
      <translation>Stockage objet</translation>
    </message>
    <message>
      <source>Cloud services</source>
      <translation>Services cloud</translation>
    </message>
    <message>
      <source>storage</source>
      <translation>de stockage</translation>
    </message>
    <message>
      <source>BYOC</source>
      <translation>BYOC</translation>
    </message>
    <message>
      <source>'{value}' is not a {name} choice. Check the {name} parameter: one of {options}.</source>
      <translation>« {value} » n'est pas un choix valide pour {name}. Vérifiez le paramètre {name} : choisissez parmi {options}.</translation>
    </message>
    <message>
      <source>There is no {kind} connection named '{value}'. Check the {name} parameter: no {kind} connection is saved in this QGIS profile yet.</source>
      <translation>Il n'existe aucune connexion {kind} nommée « {value} ». Vérifiez le paramètre {name} : aucune connexion {kind} n'est encore enregistrée dans ce profil QGIS.</translation>
    </message>
    <message>
      <source>There is no {kind} connection named '{value}'. Check the {name} parameter: the saved ones are {options}.</source>
      <translation>Il n'existe aucune connexion {kind} nommée « {value} ». Vérifiez le paramètre {name} : les connexions enregistrées sont {options}.</translation>
    </message>
    <message>
      <source>Publish a batch (archive) to a bucket</source>
      <translation>Publier un lot (archive) dans un bucket</translation>
    </message>
    <message>
      <source>Publishes many rasters: each is converted with PROFILE when it is not already a valid COG for it, validated, uploaded under DESTINATION (a prefix), and optionally registered, with the same rules as one file in the Publish dock. One item's failure never stops the others.

INPUT: a local folder, files (one per line), or a bucket prefix (s3://bucket/raw/, /vsiswift/…/): sub-prefixes are kept under DESTINATION, and every output is named &lt;stem&gt;.tif.
CONNECTION: the storage connection of DESTINATION and of a bucket INPUT (empty: GDAL's own settings).
IF_EXISTS: what to do with an object already under an output name that this job did not write.
REGISTER: none; byoc (each COG a tile of COLLECTION, sensing time read with SENSING_TIME_PATTERN); earthengine (each COG an asset ASSET_FOLDER/&lt;stem&gt;). REGISTRATION_CONNECTION names the BYOC or Earth Engine connection (empty: SH_CLIENT_ID/SH_CLIENT_SECRET, or COGPORT_EE_TOKEN). Registration runs on this computer, one gate for the service's rate limit, so its secrets never reach the workers.
SCHEDULER: empty runs here, WORKERS at a time (0: as cores and memory allow); a Dask scheduler address (tcp://host:8786) sends the items to that cluster. Its workers need GDAL 3.6 or newer and dask.distributed, not Cogport: the job ships its own code. Local inputs must be on storage every worker mounts at the same path; bucket inputs are read by the workers themselves.
MANIFEST: a JSON-lines file recording each item's state (empty: one kept per job in the QGIS profile). Running the same job again resumes: finished items are never redone or duplicated, failed and cancelled ones are tried again.</source>
      <translation>Publie de nombreux rasters : chacun est converti avec PROFILE s'il n'est pas déjà un COG valide pour lui, validé, téléversé sous DESTINATION (un préfixe) et, au besoin, déclaré, avec les mêmes règles qu'un seul fichier dans le panneau Publier. L'échec d'un élément n'arrête jamais les autres.

INPUT : un dossier local, des fichiers (un par ligne) ou un préfixe de bucket (s3://bucket/raw/, /vsiswift/…/) : les sous-préfixes sont conservés sous DESTINATION et chaque sortie est nommée &lt;stem&gt;.tif.
CONNECTION : la connexion de stockage de DESTINATION et d'un INPUT en bucket (vide : les paramètres propres de GDAL).
IF_EXISTS : que faire d'un objet déjà présent sous un nom de sortie que cette tâche n'a pas écrit.
REGISTER : none ; byoc (chaque COG devient une tuile de COLLECTION, date d'acquisition lue avec SENSING_TIME_PATTERN) ; earthengine (chaque COG devient un élément ASSET_FOLDER/&lt;stem&gt;). REGISTRATION_CONNECTION nomme la connexion BYOC ou Earth Engine (vide : SH_CLIENT_ID/SH_CLIENT_SECRET, ou COGPORT_EE_TOKEN). La déclaration s'exécute sur cet ordinateur, avec une seule limite pour le débit du service, si bien que ses secrets n'atteignent jamais les workers.
SCHEDULER : vide, le lot s'exécute ici, WORKERS à la fois (0 : selon les cœurs et la mémoire) ; une adresse d'ordonnanceur Dask (tcp://hôte:8786) envoie les éléments à ce cluster. Ses workers ont besoin de GDAL 3.6 ou plus récent et de dask.distributed, pas de Cogport : la tâche envoie son propre code. Les entrées locales doivent se trouver sur un stockage que chaque worker monte au même chemin ; les entrées en bucket sont lues par les workers eux-mêmes.
MANIFEST : un fichier JSON lines qui enregistre l'état de chaque élément (vide : un par tâche, conservé dans le profil QGIS). Relancer la même tâche reprend où elle en était : les éléments terminés ne sont jamais refaits ni dupliqués, ceux en échec ou annulés sont retentés.</translation>
    </message>
    <message>
      <source>Input: a folder, files (one per line) or a bucket prefix</source>
      <translation>Entrée : un dossier, des fichiers (un par ligne) ou un préfixe de bucket</translation>
    </message>
    <message>
      <source>Destination prefix (s3://bucket/cogs/)</source>
      <translation>Préfixe de destination (s3://bucket/cogs/)</translation>
    </message>
    <message>
      <source>Storage connection name</source>
      <translation>Nom de la connexion de stockage</translation>
    </message>
    <message>
      <source>Target profile</source>
      <translation>Profil cible</translation>
    </message>
    <message>
      <source>An object this job did not write is already there</source>
      <translation>Un objet que cette tâche n'a pas écrit existe déjà</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Déclarer</translation>
    </message>
    <message>
      <source>BYOC or Earth Engine connection (empty: environment)</source>
      <translation>Connexion BYOC ou Earth Engine (vide : environnement)</translation>
    </message>
    <message>
      <source>BYOC collection (id or name)</source>
      <translation>Collection BYOC (ID ou nom)</translation>
    </message>
    <message>
      <source>BYOC sensing-time pattern (strftime or regex)</source>
      <translation>Motif de date d'acquisition BYOC (strftime ou expression régulière)</translation>
    </message>
    <message>
      <source>Earth Engine asset folder (projects/&lt;project&gt;/assets/&lt;path&gt;)</source>
      <translation>Dossier d'éléments Earth Engine (projects/&lt;project&gt;/assets/&lt;path&gt;)</translation>
    </message>
    <message>
      <source>Dask scheduler address (empty: this computer)</source>
      <translation>Adresse de l'ordonnanceur Dask (vide : cet ordinateur)</translation>
    </message>
    <message>
      <source>Items at a time on this computer (0: as cores and memory allow)</source>
      <translation>Éléments traités à la fois sur cet ordinateur (0 : selon les cœurs et la mémoire)</translation>
    </message>
    <message>
      <source>Job manifest</source>
      <translation>Manifeste de la tâche</translation>
    </message>
    <message>
      <source>JSON lines (*.jsonl)</source>
      <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
      <source>Published objects, one per line</source>
      <translation>Objets publiés, un par ligne</translation>
    </message>
    <message>
      <source>Items published (or registered) in all runs</source>
      <translation>Éléments publiés (ou déclarés) sur l'ensemble des exécutions</translation>
    </message>
    <message>
      <source>Items that failed</source>
      <translation>Éléments en échec</translation>
    </message>
    <message>
      <source>No destination was given.</source>
      <translation>Aucune destination n'a été indiquée.</translation>
    </message>
    <message>
      <source>the DESTINATION parameter: a prefix such as s3://bucket/cogs/.</source>
      <translation>le paramètre DESTINATION : un préfixe tel que s3://bucket/cogs/.</translation>
    </message>
    <message>
      <source>Job manifest: {manifest}</source>
      <translation>Manifeste de la tâche : {manifest}</translation>
    </message>
    <message>
      <source>BYOC registration needs a collection.</source>
      <translation>La déclaration BYOC nécessite une collection.</translation>
    </message>
    <message>
      <source>the COLLECTION parameter (id or name).</source>
      <translation>le paramètre COLLECTION (ID ou nom).</translation>
    </message>
    <message>
      <source>There is no BYOC collection '{collection}'.</source>
      <translation>Il n'existe aucune collection BYOC « {collection} ».</translation>
    </message>
    <message>
      <source>the collection id or name.</source>
      <translation>l'ID ou le nom de la collection.</translation>
    </message>
    <message>
      <source>Earth Engine registration needs credentials.</source>
      <translation>La déclaration dans Earth Engine nécessite des identifiants.</translation>
    </message>
    <message>
      <source>No input was given.</source>
      <translation>Aucune entrée n'a été donnée.</translation>
    </message>
    <message>
      <source>INPUT: a folder, files (one per line) or a bucket prefix.</source>
      <translation>INPUT : un dossier, des fichiers (un par ligne) ou un préfixe de bucket.</translation>
    </message>
    <message>
      <source>{path} does not exist.</source>
      <translation>{path} n'existe pas.</translation>
    </message>
    <message>
      <source>the INPUT folder or file.</source>
      <translation>le dossier ou le fichier INPUT.</translation>
    </message>
    <message>
      <source>{source}: skipped, {reason}.</source>
      <translation>{source} : ignoré, {reason}.</translation>
    </message>
    <message>
      <source>{published} (registered {asset})</source>
      <translation>{published} (déclaré : {asset})</translation>
    </message>
    <message>
      <source>Dask dashboard: {link}</source>
      <translation>Tableau de bord Dask : {link}</translation>
    </message>
    <message>
      <source>The job was cancelled; run it again with the same manifest to resume.</source>
      <translation>La tâche a été annulée ; relancez-la avec le même manifeste pour la reprendre.</translation>
    </message>
    <message>
      <source>CONNECTION names a connection saved in the Sentinel Hub BYOC panel. When empty, the OAuth client comes from SH_CLIENT_ID and SH_CLIENT_SECRET, the service from COGPORT_SH_BASE_URL (default https://services.sentinel-hub.com) and COGPORT_SH_TOKEN_URL (default: the deployment's token URL).</source>
      <translation>CONNECTION désigne une connexion enregistrée dans le panneau Sentinel Hub BYOC. Si vide, le client OAuth provient de SH_CLIENT_ID et SH_CLIENT_SECRET, et le service de COGPORT_SH_BASE_URL (par défaut https://services.sentinel-hub.com) et COGPORT_SH_TOKEN_URL (par défaut : l'URL du jeton du déploiement).</translation>
    </message>
    <message>
      <source>No BYOC connection.</source>
      <translation>Aucune connexion BYOC.</translation>
    </message>
    <message>
      <source>Register Sentinel Hub BYOC tiles</source>
      <translation>Déclarer des tuiles Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Registers tiles in a Sentinel Hub BYOC collection and outputs them as a layer with their status.

COLLECTION is a collection id or an exact name; with CREATE, a missing collection is created for BUCKET. TILE_PATHS holds one tile path per line, relative to the bucket, usually with the (BAND) placeholder, e.g. 2019/11/27/28V/(BAND).tif. SENSING_TIME_PATTERN reads the sensing time from each path: a strftime pattern (%Y/%m/%d) or a regular expression with named groups year, month, day (and hour, minute, second, or doy). Tiles already in the collection are reported and not sent again, so a re-run resumes. With WAIT, the status is polled until every tile is INGESTED or FAILED; failure causes are reported.

{connection_help}</source>
      <translation>Déclare des tuiles dans une collection Sentinel Hub BYOC et les fournit en sortie sous forme de couche avec leur état.

COLLECTION est un ID de collection ou un nom exact ; avec CREATE, une collection absente est créée pour BUCKET. TILE_PATHS contient un chemin de tuile par ligne, relatif au bucket, généralement avec le marqueur (BAND), par ex. 2019/11/27/28V/(BAND).tif. SENSING_TIME_PATTERN lit la date d'acquisition dans chaque chemin : un motif strftime (%Y/%m/%d) ou une expression régulière avec les groupes nommés year, month, day (et hour, minute, second, ou doy). Les tuiles déjà présentes dans la collection sont signalées et ne sont pas envoyées à nouveau : une nouvelle exécution reprend donc là où la précédente s'est arrêtée. Avec WAIT, l'état est interrogé jusqu'à ce que chaque tuile soit INGESTED ou FAILED ; les causes d'échec sont signalées.

{connection_help}</translation>
    </message>
    <message>
      <source>BYOC connection (empty: SH_CLIENT_ID / SH_CLIENT_SECRET)</source>
      <translation>Connexion BYOC (vide : SH_CLIENT_ID / SH_CLIENT_SECRET)</translation>
    </message>
    <message>
      <source>Collection (id or name)</source>
      <translation>Collection (ID ou nom)</translation>
    </message>
    <message>
      <source>Bucket of a new collection (CDSE: PROJECT_ID:bucket)</source>
      <translation>Bucket d'une nouvelle collection (CDSE : PROJECT_ID:bucket)</translation>
    </message>
    <message>
      <source>Create the collection if missing</source>
      <translation>Créer la collection si elle n'existe pas</translation>
    </message>
    <message>
      <source>Tile paths, one per line (with (BAND))</source>
      <translation>Chemins de tuiles, un par ligne (avec (BAND))</translation>
    </message>
    <message>
      <source>Sensing-time pattern (strftime or regex with named groups)</source>
      <translation>Motif de date d'acquisition (strftime ou expression régulière avec groupes nommés)</translation>
    </message>
    <message>
      <source>Wait until ingestion ends</source>
      <translation>Attendre la fin de l'ingestion</translation>
    </message>
    <message>
      <source>Seconds between status polls</source>
      <translation>Secondes entre les interrogations de l'état</translation>
    </message>
    <message>
      <source>BYOC tiles</source>
      <translation>Tuiles BYOC</translation>
    </message>
    <message>
      <source>Collection id</source>
      <translation>ID de la collection</translation>
    </message>
    <message>
      <source>No tile paths were given.</source>
      <translation>Aucun chemin de tuile n'a été indiqué.</translation>
    </message>
    <message>
      <source>the TILE_PATHS parameter: one path per line.</source>
      <translation>le paramètre TILE_PATHS : un chemin par ligne.</translation>
    </message>
    <message>
      <source>Collection {name} ({id}): {summary}</source>
      <translation>Collection {name} ({id}) : {summary}</translation>
    </message>
    <message>
      <source>Registration was cancelled.</source>
      <translation>La déclaration a été annulée.</translation>
    </message>
    <message>
      <source>the summary above; a re-run resumes.</source>
      <translation>le résumé ci-dessus ; une nouvelle exécution reprend là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
      <source>the collection id or name, or tick CREATE (with BUCKET) to create it.</source>
      <translation>l'ID ou le nom de la collection, ou cochez CREATE (avec BUCKET) pour la créer.</translation>
    </message>
    <message>
      <source>A new collection needs a bucket.</source>
      <translation>Une nouvelle collection nécessite un bucket.</translation>
    </message>
    <message>
      <source>the BUCKET parameter.</source>
      <translation>le paramètre BUCKET.</translation>
    </message>
    <message>
      <source>Created collection {name} ({id}) on bucket {bucket}.</source>
      <translation>Collection {name} ({id}) créée sur le bucket {bucket}.</translation>
    </message>
    <message>
      <source>List Sentinel Hub BYOC tiles</source>
      <translation>Lister les tuiles Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Lists the tiles of a BYOC collection (id or exact name) as footprints in EPSG:4326 with path, status, sensing time, creation time and failure cause; STATUS keeps only tiles in that state.

{connection_help}</source>
      <translation>Liste les tuiles d'une collection BYOC (ID ou nom exact) sous forme d'emprises en EPSG:4326, avec chemin, état, date d'acquisition, date de création et cause d'échec ; STATUS ne garde que les tuiles dans cet état.

{connection_help}</translation>
    </message>
    <message>
      <source>{count} tiles: {statuses}.</source>
      <translation>{count} tuiles : {statuses}.</translation>
    </message>
    <message>
      <source>{path} FAILED: {cause}</source>
      <translation>{path} ÉCHEC : {cause}</translation>
    </message>
    <message>
      <source>no cause given</source>
      <translation>aucune cause indiquée</translation>
    </message>
    <message>
      <source>Convert to COG</source>
      <translation>Convertir en COG</translation>
    </message>
    <message>
      <source>Converts a raster to a Cloud Optimized GeoTIFF laid out for the chosen target. Lossless unless you pick a lossy compression: full-resolution pixels equal the source's (the web profile reprojects and so resamples). CRS, geotransform, nodata, band descriptions, colour table and metadata are kept. The file appears only once complete; cancelling leaves nothing behind.

Profiles:
{profiles}

COMPRESS: empty keeps the profile's compression. BLOCKSIZE: 0 keeps the profile's tile size. An override the target does not accept is refused:
{accepted}

SPLIT_BANDS: one single-band COG per band beside OUTPUT, named &lt;stem&gt;_B01.tif, &lt;stem&gt;_B02.tif, … (or put (BAND) in the output name); OUTPUT then returns the first band's file and OUTPUTS lists them all.</source>
      <translation>Convertit un raster en Cloud Optimized GeoTIFF structuré pour la cible choisie. Sans perte, sauf si vous choisissez une compression avec perte : les pixels en pleine résolution sont identiques à ceux de la source (le profil web reprojette et donc rééchantillonne). Le SCR, la géotransformation, la valeur nodata, les descriptions de bandes, la table de couleurs et les métadonnées sont conservés. Le fichier n'apparaît qu'une fois terminé ; une annulation ne laisse rien derrière elle.

Profils :
{profiles}

COMPRESS : si vide, conserve la compression du profil. BLOCKSIZE : 0 conserve la taille de tuile du profil. Une valeur de remplacement que la cible n'accepte pas est refusée :
{accepted}

SPLIT_BANDS : un COG mono-bande par bande à côté de OUTPUT, nommé &lt;stem&gt;_B01.tif, &lt;stem&gt;_B02.tif, … (ou mettez (BAND) dans le nom de sortie) ; OUTPUT renvoie alors le fichier de la première bande et OUTPUTS les liste tous.</translation>
    </message>
    <message>
      <source>cog,geotiff,cloud,convert,earth engine,sentinel hub,byoc,web</source>
      <translation>cog,geotiff,cloud,nuage,convert,convertir,conversion,earth engine,sentinel hub,byoc,web</translation>
    </message>
    <message>
      <source>Input raster (layer or file)</source>
      <translation>Raster en entrée (couche ou fichier)</translation>
    </message>
    <message>
      <source>Compression (empty = the profile's default)</source>
      <translation>Compression (vide = valeur par défaut du profil)</translation>
    </message>
    <message>
      <source>Tile size in pixels (0 = the profile's default)</source>
      <translation>Taille de tuile en pixels (0 = valeur par défaut du profil)</translation>
    </message>
    <message>
      <source>Write one single-band COG per band (&lt;stem&gt;_B01.tif, …)</source>
      <translation>Écrire un COG mono-bande par bande (&lt;stem&gt;_B01.tif, …)</translation>
    </message>
    <message>
      <source>All files written</source>
      <translation>Tous les fichiers écrits</translation>
    </message>
    <message>
      <source>The input raster could not be loaded. Check the INPUT parameter.</source>
      <translation>Impossible de charger le raster en entrée. Vérifiez le paramètre INPUT.</translation>
    </message>
    <message>
      <source>The layer '{layer}' is not a file-based raster ({provider} provider). Check the INPUT: choose a raster file or a layer read by GDAL.</source>
      <translation>La couche « {layer} » n'est pas un raster issu d'un fichier (fournisseur {provider}). Vérifiez INPUT : choisissez un fichier raster ou une couche lue par GDAL.</translation>
    </message>
    <message>
      <source>Converting {source} with the '{profile}' profile.</source>
      <translation>Conversion de {source} avec le profil « {profile} ».</translation>
    </message>
    <message>
      <source>Creation options: {options}</source>
      <translation>Options de création : {options}</translation>
    </message>
    <message>
      <source>Register Earth Engine asset (COG-backed)</source>
      <translation>Déclarer un élément Earth Engine (adossé à des COG)</translation>
    </message>
    <message>
      <source>Registers gs:// Cloud Optimized GeoTIFFs as an Earth Engine asset (importExternal) after pre-flight checks: gs:// only, one COG per tileset, the COG layout Earth Engine needs (read from the headers), the bucket in US / US-CENTRAL1 / a US dual-region with us-central1, Standard storage, flat properties, RFC 3339 times, band indices in range. Any error stops before sending.

CONNECTION names a saved Earth Engine connection; when empty, the token comes from COGPORT_EE_TOKEN and ASSET_ID must be a full projects/&lt;project&gt;/assets/&lt;path&gt;. COGPORT_EE_API_URL and COGPORT_GCS_API_URL override the service addresses.
DRY_RUN only checks and writes MANIFEST_OUTPUT (for `earthengine upload external_image --manifest`). ONE_ASSET_PER_FILE makes ASSET_ID a folder and registers each source as &lt;folder&gt;/&lt;file name&gt;.
The files are read through GDAL /vsigs/ with STORAGE_CONNECTION (a Cogport storage connection), else with the storage connection that last opened the bucket, else with GDAL's own GS_* settings.</source>
      <translation>Déclare des Cloud Optimized GeoTIFF gs:// comme élément Earth Engine (importExternal) après des contrôles préalables : gs:// uniquement, un COG par jeu de tuiles, la structure COG requise par Earth Engine (lue dans les en-têtes), bucket en US / US-CENTRAL1 / birégion US incluant us-central1, classe de stockage Standard, propriétés à plat, dates RFC 3339, indices de bande dans les limites. Toute erreur arrête le traitement avant l'envoi.

CONNECTION désigne une connexion Earth Engine enregistrée ; si vide, le jeton provient de COGPORT_EE_TOKEN et ASSET_ID doit être un chemin complet projects/&lt;projet&gt;/assets/&lt;chemin&gt;. COGPORT_EE_API_URL et COGPORT_GCS_API_URL remplacent les adresses des services.
DRY_RUN se contente de vérifier et d'écrire MANIFEST_OUTPUT (pour `earthengine upload external_image --manifest`). ONE_ASSET_PER_FILE fait d'ASSET_ID un dossier et déclare chaque source sous &lt;dossier&gt;/&lt;nom du fichier&gt;.
Les fichiers sont lus via GDAL /vsigs/ avec STORAGE_CONNECTION (une connexion de stockage Cogport), à défaut avec la connexion de stockage qui a ouvert le bucket en dernier, à défaut avec les paramètres GS_* propres à GDAL.</translation>
    </message>
    <message>
      <source>Asset ID (projects/&lt;project&gt;/assets/&lt;path&gt;, or &lt;path&gt; with a connection)</source>
      <translation>ID de l'élément (projects/&lt;projet&gt;/assets/&lt;chemin&gt;, ou &lt;chemin&gt; avec une connexion)</translation>
    </message>
    <message>
      <source>gs:// COG URIs, one per tileset (newline- or comma-separated)</source>
      <translation>URI gs:// des COG, une par jeu de tuiles (séparées par des retours à la ligne ou des virgules)</translation>
    </message>
    <message>
      <source>Bands (JSON list of band objects; empty: from the files)</source>
      <translation>Bandes (liste JSON d'objets de bande ; vide : depuis les fichiers)</translation>
    </message>
    <message>
      <source>Properties (flat JSON object)</source>
      <translation>Propriétés (objet JSON à plat)</translation>
    </message>
    <message>
      <source>Start time (RFC 3339, e.g. 2024-05-01T00:00:00Z)</source>
      <translation>Date de début (RFC 3339, par ex. 2024-05-01T00:00:00Z)</translation>
    </message>
    <message>
      <source>End time (RFC 3339, exclusive)</source>
      <translation>Date de fin (RFC 3339, exclue)</translation>
    </message>
    <message>
      <source>Overwrite an existing asset</source>
      <translation>Écraser un élément existant</translation>
    </message>
    <message>
      <source>Pin object generations (#generation)</source>
      <translation>Figer les générations d'objet (#generation)</translation>
    </message>
    <message>
      <source>One asset per file (ASSET_ID is a folder)</source>
      <translation>Un élément par fichier (ASSET_ID est un dossier)</translation>
    </message>
    <message>
      <source>Earth Engine connection (empty: COGPORT_EE_TOKEN)</source>
      <translation>Connexion Earth Engine (vide : COGPORT_EE_TOKEN)</translation>
    </message>
    <message>
      <source>Storage connection reading the files (empty: the bucket's own, else GDAL's)</source>
      <translation>Connexion de stockage pour lire les fichiers (vide : celle du bucket, à défaut les paramètres de GDAL)</translation>
    </message>
    <message>
      <source>Dry run: check and write the manifest only</source>
      <translation>Essai à blanc : vérifier et écrire le manifeste uniquement</translation>
    </message>
    <message>
      <source>Manifest JSON</source>
      <translation>Manifeste JSON</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
      <source>Asset</source>
      <translation>Élément</translation>
    </message>
    <message>
      <source>{reason} The dry run skips the bucket checks.</source>
      <translation>{reason} L'essai à blanc ignore les vérifications du bucket.</translation>
    </message>
    <message>
      <source>Dry run: {asset} passed the checks; nothing was sent.</source>
      <translation>Essai à blanc : {asset} a passé les vérifications ; rien n'a été envoyé.</translation>
    </message>
    <message>
      <source>No source COG was given.</source>
      <translation>Aucun COG source n'a été indiqué.</translation>
    </message>
    <message>
      <source>SOURCES: gs:// URIs, one per tileset.</source>
      <translation>SOURCES : URI gs://, une par jeu de tuiles.</translation>
    </message>
    <message>
      <source>Dry run: {asset} passed the checks.</source>
      <translation>Essai à blanc : {asset} a passé les vérifications.</translation>
    </message>
    <message>
      <source>{failed} of {count} asset(s) failed: {assets}. See the log above.</source>
      <translation>Échec de {failed} élément(s) sur {count} : {assets}. Consultez le journal ci-dessus.</translation>
    </message>
    <message>
      <source>PROPERTIES is not valid JSON.</source>
      <translation>PROPERTIES n'est pas un JSON valide.</translation>
    </message>
    <message>
      <source>a flat object, e.g. {"sensor": "S2", "cloud": 12.5}.</source>
      <translation>un objet à plat, par ex. {"sensor": "S2", "cloud": 12.5}.</translation>
    </message>
    <message>
      <source>PROPERTIES is not a JSON object.</source>
      <translation>PROPERTIES n'est pas un objet JSON.</translation>
    </message>
    <message>
      <source>Build mosaic of a prefix</source>
      <translation>Construire la mosaïque d'un préfixe</translation>
    </message>
    <message>
      <source>Makes one mosaic layer of every COG under a bucket prefix: a local VRT over their /vsi… paths (no secret in it), a local overview made from each scene's smallest overview so the full extent reads no scene, and a footprints layer. Headers are read in parallel; a view at full resolution opens only the scenes it shows. Scenes in another CRS than the first are left out.

{connection_help}
LOCATION: s3://bucket/prefix/, gs://…, /vsiswift/container/prefix/.
RECURSIVE: include sub-prefixes.
PATTERN: a name filter such as *.tif (empty: every raster).
OUTPUT: the .vrt file; the overview (&lt;name&gt;.overview.tif) and footprints (&lt;name&gt;.footprints.gpkg) are written beside it.</source>
      <translation>Fait une seule couche mosaïque de tous les COG sous un préfixe de bucket : un VRT local sur leurs chemins /vsi… (sans aucun secret), un aperçu local construit à partir du plus petit aperçu de chaque scène, pour que l'emprise complète ne lise aucune scène, et une couche d'emprises. Les en-têtes sont lus en parallèle ; une vue en pleine résolution n'ouvre que les scènes qu'elle montre. Les scènes dans un autre SCR que la première sont écartées.

{connection_help}
LOCATION : s3://bucket/prefixe/, gs://…, /vsiswift/conteneur/prefixe/.
RECURSIVE : inclure les sous-préfixes.
PATTERN : un filtre de nom tel que *.tif (vide : tous les rasters).
OUTPUT : le fichier .vrt ; l'aperçu (&lt;nom&gt;.overview.tif) et les emprises (&lt;nom&gt;.footprints.gpkg) sont écrits à côté.</translation>
    </message>
    <message>
      <source>Mosaic</source>
      <translation>Mosaïque</translation>
    </message>
    <message>
      <source>VRT files (*.vrt)</source>
      <translation>Fichiers VRT (*.vrt)</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Emprises</translation>
    </message>
    <message>
      <source>Scenes in the mosaic</source>
      <translation>Scènes dans la mosaïque</translation>
    </message>
    <message>
      <source>Left out {reason}</source>
      <translation>Écarté : {reason}</translation>
    </message>
    <message>
      <source>{scenes} scenes in {path}.</source>
      <translation>{scenes} scènes dans {path}.</translation>
    </message>
    <message>
      <source>{name} footprints</source>
      <translation>Emprises de {name}</translation>
    </message>
    <message>
      <source>CONNECTION: the name of a storage connection from the Cogport buckets dock.</source>
      <translation>CONNECTION : le nom d'une connexion de stockage du panneau Buckets Cogport.</translation>
    </message>
    <message>
      <source>Connection '{name}' reads {kind} stores but '{location}' is a {location_kind} location. Check the CONNECTION and the location.</source>
      <translation>La connexion « {name} » lit des stockages {kind}, mais « {location} » est un emplacement {location_kind}. Vérifiez CONNECTION et l'emplacement.</translation>
    </message>
    <message>
      <source>Storage connection</source>
      <translation>Connexion de stockage</translation>
    </message>
    <message>
      <source>Bucket or prefix (s3://bucket/prefix/)</source>
      <translation>Bucket ou préfixe (s3://bucket/préfixe/)</translation>
    </message>
    <message>
      <source>Include sub-prefixes</source>
      <translation>Inclure les sous-préfixes</translation>
    </message>
    <message>
      <source>Name pattern</source>
      <translation>Motif de nom</translation>
    </message>
    <message>
      <source>List bucket objects</source>
      <translation>Lister les objets d'un bucket</translation>
    </message>
    <message>
      <source>Lists the objects under a bucket prefix into a table (uri, vsi_path, size, modified), page by page, so prefixes of any size work. Feed the table to batch mode or a model.

{connection_help}
LOCATION: s3://bucket/prefix/, gs://…, /vsiswift/container/prefix/.
RECURSIVE: include sub-prefixes.
PATTERN: a name filter such as *.tif (empty: all).</source>
      <translation>Liste les objets situés sous un préfixe de bucket dans une table (uri, vsi_path, size, modified), page par page, pour gérer des préfixes de toute taille. Utilisez la table en mode de traitement par lot ou dans un modèle.

{connection_help}
LOCATION : s3://bucket/préfixe/, gs://…, /vsiswift/conteneur/préfixe/.
RECURSIVE : inclure les sous-préfixes.
PATTERN : un filtre de nom tel que *.tif (vide : tous).</translation>
    </message>
    <message>
      <source>Objects</source>
      <translation>Objets</translation>
    </message>
    <message>
      <source>{count} objects so far…</source>
      <translation>{count} objets jusqu'ici…</translation>
    </message>
    <message>
      <source>{count} objects listed under {uri}.</source>
      <translation>{count} objets listés sous {uri}.</translation>
    </message>
    <message>
      <source>Open remote raster</source>
      <translation>Ouvrir un raster distant</translation>
    </message>
    <message>
      <source>Adds a raster from a bucket to the map, with the connection's credentials and Cogport's panning tuning scoped to its bucket. The project keeps no secret.

{connection_help}
INPUT: s3://bucket/key.tif, gs://…, /vsis3/…, /vsiswift/…, or an https:// S3/GCS URL.</source>
      <translation>Ajoute à la carte un raster d'un bucket, avec les identifiants de la connexion et les réglages de déplacement de Cogport limités à son bucket. Le projet ne conserve aucun secret.

{connection_help}
INPUT : s3://bucket/clé.tif, gs://…, /vsis3/…, /vsiswift/…, ou une URL https:// S3/GCS.</translation>
    </message>
    <message>
      <source>Object URI</source>
      <translation>URI de l'objet</translation>
    </message>
    <message>
      <source>Remote raster</source>
      <translation>Raster distant</translation>
    </message>
    <message>
      <source>Upload to bucket</source>
      <translation>Téléverser vers un bucket</translation>
    </message>
    <message>
      <source>Uploads a local file to S3 (or an S3-compatible store), OpenStack Swift or Google Cloud Storage, checking its size and checksum afterwards. A cancelled or failed upload leaves nothing behind.

DESTINATION: s3://bucket/key, /vsis3/bucket/key, /vsiswift/container/key, gs://bucket/key or /vsigs/bucket/key. A destination ending in '/' means that prefix plus the file's name.
CONNECTION: a saved Cogport storage connection; leave it empty to use GDAL's own credentials (AWS_*, GS_*, SWIFT_* settings, ~/.aws…). An empty CONNECTION is refused for a bucket Cogport has open through a saved connection, whose keys GDAL would use instead.
OVERWRITE: replace an existing object; otherwise an existing object stops the upload.
VALID: in a model, connect the VALID output of 'Validate COG' to upload only valid COGs.

Output URI: the uploaded object.</source>
      <translation>Téléverse un fichier local vers S3 (ou un stockage compatible S3), OpenStack Swift ou Google Cloud Storage, puis vérifie sa taille et sa somme de contrôle. Un téléversement annulé ou en échec ne laisse rien derrière lui.

DESTINATION : s3://bucket/clé, /vsis3/bucket/clé, /vsiswift/conteneur/clé, gs://bucket/clé ou /vsigs/bucket/clé. Une destination terminée par « / » désigne ce préfixe suivi du nom du fichier.
CONNECTION : une connexion de stockage Cogport enregistrée ; laissez vide pour utiliser les identifiants propres à GDAL (paramètres AWS_*, GS_*, SWIFT_*, ~/.aws…). Une CONNECTION vide est refusée pour un bucket que Cogport a ouvert via une connexion enregistrée, car GDAL utiliserait alors les clés de cette connexion.
OVERWRITE : remplacer un objet existant ; sinon, un objet existant arrête le téléversement.
VALID : dans un modèle, connectez la sortie VALID de « Valider un COG » pour ne téléverser que les COG valides.

URI en sortie : l'objet téléversé.</translation>
    </message>
    <message>
      <source>Local file</source>
      <translation>Fichier local</translation>
    </message>
    <message>
      <source>Destination URI</source>
      <translation>URI de destination</translation>
    </message>
    <message>
      <source>Storage connection (empty: GDAL's own settings)</source>
      <translation>Connexion de stockage (vide : paramètres propres à GDAL)</translation>
    </message>
    <message>
      <source>Overwrite an existing object</source>
      <translation>Écraser un objet existant</translation>
    </message>
    <message>
      <source>Upload only if this is true (validation result)</source>
      <translation>Téléverser uniquement si cette valeur est vraie (résultat de la validation)</translation>
    </message>
    <message>
      <source>Uploaded object URI</source>
      <translation>URI de l'objet téléversé</translation>
    </message>
    <message>
      <source>Uploaded object as a GDAL /vsi…/ path</source>
      <translation>Objet téléversé sous forme de chemin GDAL /vsi…/</translation>
    </message>
    <message>
      <source>Bytes uploaded</source>
      <translation>Octets téléversés</translation>
    </message>
    <message>
      <source>No destination was given. Check the DESTINATION parameter.</source>
      <translation>Aucune destination n'a été indiquée. Vérifiez le paramètre DESTINATION.</translation>
    </message>
    <message>
      <source>{source} was not uploaded: validation found errors. Check the validation report and fix the file (or convert it with 'Convert to COG').</source>
      <translation>{source} n'a pas été téléversé : la validation a trouvé des erreurs. Consultez le rapport de validation et corrigez le fichier (ou convertissez-le avec « Convertir en COG »).</translation>
    </message>
    <message>
      <source>Uploaded {source} to {uri}: {size} bytes, {parts} part(s), checksum verified.</source>
      <translation>{source} téléversé vers {uri} : {size} octets, {parts} partie(s), somme de contrôle vérifiée.</translation>
    </message>
    <message>
      <source>Checks whether a TIFF (local path, /vsis3/, /vsiswift/, /vsigs/ path, or s3:// or gs:// URI) is a valid Cloud Optimized GeoTIFF for the chosen target, reading only the file's header.

Profiles and what each accepts:
{profiles}

Outputs VALID (no errors), the ERRORS and WARNINGS counts and, optionally, a JSON report {path, profile, valid, findings:[{code, severity, message, fix}], bytes_read}.</source>
      <translation>Vérifie si un TIFF (chemin local, chemin /vsis3/, /vsiswift/ ou /vsigs/, ou URI s3:// ou gs://) est un Cloud Optimized GeoTIFF valide pour la cible choisie, en ne lisant que l'en-tête du fichier.

Profils et ce que chacun accepte :
{profiles}

Sorties : VALID (aucune erreur), ERRORS et WARNINGS (nombres d'erreurs et d'avertissements) et, en option, un rapport JSON {path, profile, valid, findings:[{code, severity, message, fix}], bytes_read}.</translation>
    </message>
    <message>
      <source>TIFF path or URI</source>
      <translation>Chemin TIFF ou URI</translation>
    </message>
    <message>
      <source>Validation report (JSON)</source>
      <translation>Rapport de validation (JSON)</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>Valide</translation>
    </message>
    <message>
      <source>Number of errors</source>
      <translation>Nombre d'erreurs</translation>
    </message>
    <message>
      <source>Number of warnings</source>
      <translation>Nombre d'avertissements</translation>
    </message>
    <message>
      <source>No TIFF path or URI was given. Check the INPUT parameter.</source>
      <translation>Aucun chemin TIFF ni URI n'a été indiqué. Vérifiez le paramètre INPUT.</translation>
    </message>
    <message>
      <source>{path} is a valid COG for the '{profile}' profile ({bytes} header bytes read).</source>
      <translation>{path} est un COG valide pour le profil « {profile} » ({bytes} octets d'en-tête lus).</translation>
    </message>
    <message>
      <source>{path} is NOT a valid COG for the '{profile}' profile ({bytes} header bytes read).</source>
      <translation>{path} n'est PAS un COG valide pour le profil « {profile} » ({bytes} octets d'en-tête lus).</translation>
    </message>
    <message>
      <source>(GDAL settings: AWS_*, GS_*, SWIFT_*)</source>
      <translation>(paramètres GDAL : AWS_*, GS_*, SWIFT_*)</translation>
    </message>
    <message>
      <source>Convert files that are not valid COGs (asks first)</source>
      <translation>Convertir les fichiers qui ne sont pas des COG valides (avec confirmation)</translation>
    </message>
    <message>
      <source>Always convert</source>
      <translation>Toujours convertir</translation>
    </message>
    <message>
      <source>Never convert: invalid files stop</source>
      <translation>Ne jamais convertir : arrêt sur les fichiers non valides</translation>
    </message>
    <message>
      <source>Ask</source>
      <translation>Demander</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>Écraser</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>Ignorer</translation>
    </message>
    <message>
      <source>Keep both (rename the upload)</source>
      <translation>Conserver les deux (renommer le fichier téléversé)</translation>
    </message>
    <message>
      <source>validating</source>
      <translation>validation</translation>
    </message>
    <message>
      <source>uploading</source>
      <translation>téléversement</translation>
    </message>
    <message>
      <source>uploaded</source>
      <translation>téléversé</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>ignoré</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échec</translation>
    </message>
    <message>
      <source>Files to publish</source>
      <translation>Fichiers à publier</translation>
    </message>
    <message>
      <source>Rasters (*.tif *.tiff *.TIF *.jp2 *.img *.vrt);;All files (*)</source>
      <translation>Rasters (*.tif *.tiff *.TIF *.jp2 *.img *.vrt);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs in Earth Engine</source>
      <translation>Puis déclarer les COG téléversés dans Earth Engine</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs as Sentinel Hub BYOC tiles</source>
      <translation>Puis déclarer les COG téléversés comme tuiles Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs (Earth Engine for gs://, BYOC for s3://)</source>
      <translation>Puis déclarer les COG téléversés (Earth Engine pour gs://, BYOC pour s3://)</translation>
    </message>
    <message>
      <source>the Destination field (e.g. s3://bucket/prefix/).</source>
      <translation>le champ Destination (par ex. s3://bucket/préfixe/).</translation>
    </message>
    <message>
      <source>Add local files or layers to publish first.</source>
      <translation>Ajoutez d'abord des fichiers locaux ou des couches à publier.</translation>
    </message>
    <message>
      <source>Publishing {count} file(s) to {destination}…</source>
      <translation>Publication de {count} fichier(s) vers {destination}…</translation>
    </message>
    <message>
      <source>Publishing {count} file(s) on {where}…</source>
      <translation>Publication de {count} fichier(s) sur {where}…</translation>
    </message>
    <message>
      <source>Cancelled. Publishing the same files again resumes where this stopped.</source>
      <translation>Annulé. Publier à nouveau les mêmes fichiers reprend là où la publication s'est arrêtée.</translation>
    </message>
    <message>
      <source>Manifest: {path}</source>
      <translation>Manifeste : {path}</translation>
    </message>
    <message>
      <source>This computer</source>
      <translation>Cet ordinateur</translation>
    </message>
    <message>
      <source>Dask cluster…</source>
      <translation>Cluster Dask…</translation>
    </message>
    <message>
      <source>No Dask scheduler address was given.</source>
      <translation>Aucune adresse d'ordonnanceur Dask n'a été donnée.</translation>
    </message>
    <message>
      <source>the address, e.g. tcp://host:8786.</source>
      <translation>l'adresse, par ex. tcp://hôte:8786.</translation>
    </message>
    <message>
      <source>Connecting to {address}…</source>
      <translation>Connexion à {address}…</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>Tableau de bord</translation>
    </message>
    <message>
      <source>Testing the Dask cluster at {address}</source>
      <translation>Test du cluster Dask à {address}</translation>
    </message>
    <message>
      <source>Dask dashboard</source>
      <translation>Tableau de bord Dask</translation>
    </message>
    <message>
      <source>Publishing {count} file(s) to {destination}</source>
      <translation>Publication de {count} fichier(s) vers {destination}</translation>
    </message>
    <message>
      <source>Cancelled: nothing was left on the store.</source>
      <translation>Annulé : rien n'a été laissé sur le stockage.</translation>
    </message>
    <message>
      <source>Only local files can be published; not added: {names}.</source>
      <translation>Seuls les fichiers locaux peuvent être publiés ; non ajoutés : {names}.</translation>
    </message>
    <message>
      <source>Not rasters GDAL can read, not added: {names}.</source>
      <translation>Non ajoutés, car GDAL ne peut pas les lire comme rasters : {names}.</translation>
    </message>
    <message>
      <source>checking</source>
      <translation>vérification</translation>
    </message>
    <message>
      <source>Checking {count} file(s) before upload</source>
      <translation>Vérification de {count} fichier(s) avant le téléversement</translation>
    </message>
    <message>
      <source>Not valid COGs</source>
      <translation>COG non valides</translation>
    </message>
    <message>
      <source>These files are not valid COGs for the '{profile}' profile:
{names}

Convert them to COGs before uploading?</source>
      <translation>Ces fichiers ne sont pas des COG valides pour le profil « {profile} » :
{names}

Les convertir en COG avant le téléversement ?</translation>
    </message>
    <message>
      <source>Convert first</source>
      <translation>Convertir d'abord</translation>
    </message>
    <message>
      <source>Upload as they are</source>
      <translation>Téléverser tels quels</translation>
    </message>
    <message>
      <source>Skip them</source>
      <translation>Les ignorer</translation>
    </message>
    <message>
      <source>Objects already exist</source>
      <translation>Des objets existent déjà</translation>
    </message>
    <message>
      <source>Objects with these names already exist in {destination}:
{names}</source>
      <translation>Des objets portant ces noms existent déjà dans {destination} :
{names}</translation>
    </message>
    <message>
      <source>Keep both (rename)</source>
      <translation>Conserver les deux (renommer)</translation>
    </message>
    <message>
      <source>not a valid COG; skipped</source>
      <translation>COG non valide ; ignoré</translation>
    </message>
    <message>
      <source>Publishing {name} to {destination}</source>
      <translation>Publication de {name} vers {destination}</translation>
    </message>
    <message>
      <source>Uploaded {uploaded} of {count} file(s) to {destination}</source>
      <translation>{uploaded} fichier(s) sur {count} téléversé(s) vers {destination}</translation>
    </message>
    <message>
      <source> (converted copy kept: {files})</source>
      <translation> (copie convertie conservée : {files})</translation>
    </message>
    <message>
      <source> ({count} band files)</source>
      <translation> ({count} fichiers de bandes)</translation>
    </message>
    <message>
      <source>– {name}: skipped</source>
      <translation>– {name} : ignoré</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <source>Modified</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Tester la connexion</translation>
    </message>
    <message>
      <source>Export connections…</source>
      <translation>Exporter les connexions…</translation>
    </message>
    <message>
      <source>Import connections…</source>
      <translation>Importer des connexions…</translation>
    </message>
    <message>
      <source>Import OpenStack openrc or clouds.yaml…</source>
      <translation>Importer un openrc ou clouds.yaml OpenStack…</translation>
    </message>
    <message>
      <source>Import OpenStack environment (OS_*, SWIFT_*)</source>
      <translation>Importer l'environnement OpenStack (OS_*, SWIFT_*)</translation>
    </message>
    <message>
      <source>Remove connection</source>
      <translation>Retirer la connexion</translation>
    </message>
    <message>
      <source>Remove the connection '{name}' and its saved credentials? Objects in the store are not touched.</source>
      <translation>Retirer la connexion « {name} » et ses identifiants enregistrés ? Les objets du stockage ne sont pas modifiés.</translation>
    </message>
    <message>
      <source>Testing {connection}…</source>
      <translation>Test de {connection}…</translation>
    </message>
    <message>
      <source>Testing connection {connection}</source>
      <translation>Test de la connexion {connection}</translation>
    </message>
    <message>
      <source>Export connections</source>
      <translation>Exporter les connexions</translation>
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <source>Exported {count} connections (without secrets) to {path}.</source>
      <translation>{count} connexions exportées (sans les secrets) vers {path}.</translation>
    </message>
    <message>
      <source>Import connections</source>
      <translation>Importer des connexions</translation>
    </message>
    <message>
      <source>Imported {names}. Edit each one to enter its credentials.</source>
      <translation>Importé(s) : {names}. Modifiez chacune pour saisir ses identifiants.</translation>
    </message>
    <message>
      <source>Import OpenStack credentials</source>
      <translation>Importer des identifiants OpenStack</translation>
    </message>
    <message>
      <source>openrc or clouds.yaml (*.sh *.yaml *.yml *openrc*);;All files (*)</source>
      <translation>openrc ou clouds.yaml (*.sh *.yaml *.yml *openrc*);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>QGIS was started without OpenStack variables (OS_AUTH_URL, or SWIFT_STORAGE_URL and SWIFT_AUTH_TOKEN). Source your openrc file before starting QGIS, or import the file itself.</source>
      <translation>QGIS a été démarré sans variables OpenStack (OS_AUTH_URL, ou SWIFT_STORAGE_URL et SWIFT_AUTH_TOKEN). Chargez votre fichier openrc (commande source) avant de démarrer QGIS, ou importez le fichier lui-même.</translation>
    </message>
    <message>
      <source>Imported {names}. Edit {missing} to enter the missing secret.</source>
      <translation>Importé(s) : {names}. Modifiez {missing} pour saisir le secret manquant.</translation>
    </message>
    <message>
      <source>Imported {names}.</source>
      <translation>Importé(s) : {names}.</translation>
    </message>
    <message>
      <source>Enter the secret of {user} for '{connection}' ({secret}). Cogport keeps it in the QGIS authentication database.</source>
      <translation>Saisissez le secret de {user} pour « {connection} » ({secret}). Cogport le conserve dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Enter the secret for '{connection}' ({secret}). Cogport keeps it in the QGIS authentication database.</source>
      <translation>Saisissez le secret pour « {connection} » ({secret}). Cogport le conserve dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>OpenStack credentials</source>
      <translation>Identifiants OpenStack</translation>
    </message>
    <message>
      <source>No connection yet: press + to add one (S3, S3-compatible, Swift or GCS).</source>
      <translation>Aucune connexion pour l'instant : cliquez sur + pour en ajouter une (S3, compatible S3, Swift ou GCS).</translation>
    </message>
    <message>
      <source>Listing buckets of {connection}…</source>
      <translation>Listage des buckets de {connection}…</translation>
    </message>
    <message>
      <source>Listing buckets of {connection}</source>
      <translation>Listage des buckets de {connection}</translation>
    </message>
    <message>
      <source>{count} container in {connection}.</source>
      <translation>{count} conteneur dans {connection}.</translation>
    </message>
    <message>
      <source>{count} containers in {connection}.</source>
      <translation>{count} conteneurs dans {connection}.</translation>
    </message>
    <message>
      <source>{count} bucket in {connection}.</source>
      <translation>{count} bucket dans {connection}.</translation>
    </message>
    <message>
      <source>{count} buckets in {connection}.</source>
      <translation>{count} buckets dans {connection}.</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>Listing {uri}</source>
      <translation>Listage de {uri}</translation>
    </message>
    <message>
      <source>Load more… ({shown} shown)</source>
      <translation>Charger plus… ({shown} affichés)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(vide)</translation>
    </message>
    <message>
      <source>{uri}: {count} item.</source>
      <translation>{uri} : {count} élément.</translation>
    </message>
    <message>
      <source>{uri}: {count} items.</source>
      <translation>{uri} : {count} éléments.</translation>
    </message>
    <message>
      <source>{uri}: {count} item, more available.</source>
      <translation>{uri} : {count} élément, d'autres sont disponibles.</translation>
    </message>
    <message>
      <source>{uri}: {count} items, more available.</source>
      <translation>{uri} : {count} éléments, d'autres sont disponibles.</translation>
    </message>
    <message>
      <source>“{text}” in {folder}</source>
      <translation>« {text} » dans {folder}</translation>
    </message>
    <message>
      <source>No bucket to search yet.</source>
      <translation>Aucun bucket à parcourir pour l'instant.</translation>
    </message>
    <message>
      <source>Searching the first {count} buckets; select a bucket or folder to search it.</source>
      <translation>Recherche dans les {count} premiers buckets ; sélectionnez un bucket ou un dossier pour y chercher.</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Recherche…</translation>
    </message>
    <message>
      <source>Searching {folder} for “{text}”</source>
      <translation>Recherche de « {text} » dans {folder}</translation>
    </message>
    <message>
      <source>Search further… ({found} found, {searched} objects searched)</source>
      <translation>Chercher plus loin… ({found} résultat(s), {searched} objets parcourus)</translation>
    </message>
    <message>
      <source>(no name holds “{text}”)</source>
      <translation>(aucun nom ne contient « {text} »)</translation>
    </message>
    <message>
      <source>{found} found for “{text}” in {folder} ({searched} objects searched).</source>
      <translation>{found} résultat(s) pour « {text} » dans {folder} ({searched} objets parcourus).</translation>
    </message>
    <message>
      <source>Added {uri} to the map.</source>
      <translation>{uri} ajouté à la carte.</translation>
    </message>
    <message>
      <source>Add to map</source>
      <translation>Ajouter à la carte</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>First {count} entries shown; the Cogport buckets dock pages through all.</source>
      <translation>{count} premières entrées affichées ; le panneau Buckets Cogport les parcourt toutes page par page.</translation>
    </message>
    <message>
      <source>User (account:user)</source>
      <translation>Utilisateur (compte:utilisateur)</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Clé</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>Application credential ID</source>
      <translation>Identifiant d'application</translation>
    </message>
    <message>
      <source>Application credential secret</source>
      <translation>Secret d'application</translation>
    </message>
    <message>
      <source>Auth token</source>
      <translation>Jeton d'authentification</translation>
    </message>
    <message>
      <source>Keystone token</source>
      <translation>Jeton Keystone</translation>
    </message>
    <message>
      <source>Access key ID</source>
      <translation>ID de clé d'accès</translation>
    </message>
    <message>
      <source>Secret key</source>
      <translation>Clé secrète</translation>
    </message>
    <message>
      <source>HMAC access ID</source>
      <translation>ID d'accès HMAC</translation>
    </message>
    <message>
      <source>HMAC secret</source>
      <translation>Secret HMAC</translation>
    </message>
    <message>
      <source>Session token</source>
      <translation>Jeton de session</translation>
    </message>
    <message>
      <source>e.g. GRA</source>
      <translation>par ex. GRA</translation>
    </message>
    <message>
      <source>e.g. eu-central-1</source>
      <translation>par ex. eu-central-1</translation>
    </message>
    <message>
      <source>Endpoint (optional)</source>
      <translation>Point de terminaison (facultatif)</translation>
    </message>
    <message>
      <source>Endpoint</source>
      <translation>Point de terminaison</translation>
    </message>
    <message>
      <source>Amazon S3 when empty; else host[:port] of the store</source>
      <translation>Amazon S3 si vide ; sinon hôte[:port] du stockage</translation>
    </message>
    <message>
      <source>storage.googleapis.com when empty</source>
      <translation>storage.googleapis.com si vide</translation>
    </message>
    <message>
      <source>host[:port], e.g. s3.gra.io.cloud.ovh.net</source>
      <translation>hôte[:port], par ex. s3.gra.io.cloud.ovh.net</translation>
    </message>
    <message>
      <source>Testing connection {name}</source>
      <translation>Test de la connexion {name}</translation>
    </message>
    <message>
      <source>(unnamed)</source>
      <translation>(sans nom)</translation>
    </message>
    <message>
      <source>The server's certificate is trusted because you accepted it, not because a CA vouches for it.</source>
      <translation>Le certificat du serveur est approuvé parce que vous l'avez accepté, et non parce qu'une autorité de certification le garantit.</translation>
    </message>
    <message>
      <source>Warning: no certificate authority QGIS trusts vouches for this server. Cogport will trust the certificate with SHA-256 fingerprint {fingerprint} for this connection only, so whoever holds that certificate's key can read and change what this connection sends and receives. Check the fingerprint with the server's administrator; better, add the server's certificate authority in {settings}.</source>
      <translation>Avertissement : aucune autorité de certification à laquelle QGIS fait confiance ne se porte garante de ce serveur. Cogport fera confiance au certificat d'empreinte SHA-256 {fingerprint} pour cette connexion uniquement : quiconque détient la clé de ce certificat peut donc lire et modifier ce que cette connexion envoie et reçoit. Vérifiez l'empreinte auprès de l'administrateur du serveur ; mieux, ajoutez l'autorité de certification du serveur dans {settings}.</translation>
    </message>
    <message>
      <source>Fetching the certificate of {url}</source>
      <translation>Récupération du certificat de {url}</translation>
    </message>
    <message>
      <source>There is no storage connection named '{name}'.</source>
      <translation>Il n'existe aucune connexion de stockage nommée « {name} ».</translation>
    </message>
    <message>
      <source>the connection name in the Cogport bucket browser (names are case-sensitive).</source>
      <translation>le nom de la connexion dans le panneau Buckets Cogport (les noms sont sensibles à la casse).</translation>
    </message>
    <message>
      <source>A connection needs a name.</source>
      <translation>Une connexion a besoin d'un nom.</translation>
    </message>
    <message>
      <source>A connection named '{name}' already exists.</source>
      <translation>Une connexion nommée « {name} » existe déjà.</translation>
    </message>
    <message>
      <source>This file is not a Cogport connections export.</source>
      <translation>Ce fichier n'est pas un export de connexions Cogport.</translation>
    </message>
    <message>
      <source>that you chose a file written by Cogport's Export connections.</source>
      <translation>que vous avez choisi un fichier écrit par « Exporter les connexions » de Cogport.</translation>
    </message>
    <message>
      <source>No Cogport connection is set up for '{bucket}'.</source>
      <translation>Aucune connexion Cogport n'est configurée pour « {bucket} ».</translation>
    </message>
    <message>
      <source>that a connection of the right kind is selected in the bucket browser, or add the bucket name to one of your connections.</source>
      <translation>qu'une connexion du bon type est sélectionnée dans le panneau Buckets Cogport, ou ajoutez le nom du bucket à l'une de vos connexions.</translation>
    </message>
    <message>
      <source> ({count} objects left out: see the Cogport log)</source>
      <translation> ({count} objets écartés : voir le journal Cogport)</translation>
    </message>
    <message>
      <source>Mosaic of {count} scenes from {uri} saved as {path}{skipped}.</source>
      <translation>Mosaïque de {count} scènes de {uri} enregistrée sous {path}{skipped}.</translation>
    </message>
    <message>
      <source>Building the mosaic of {uri}</source>
      <translation>Construction de la mosaïque de {uri}</translation>
    </message>
    <message>
      <source>Copy URI</source>
      <translation>Copier l'URI</translation>
    </message>
    <message>
      <source>Copy GDAL path</source>
      <translation>Copier le chemin GDAL</translation>
    </message>
    <message>
      <source>Renewing Keystone tokens</source>
      <translation>Renouvellement des jetons Keystone</translation>
    </message>
    <message>
      <source>your network connection and that the storage service is up, then pan or refresh the map to retry.</source>
      <translation>votre connexion réseau et que le service de stockage fonctionne, puis déplacez ou actualisez la carte pour réessayer.</translation>
    </message>
    <message>
      <source>your network connection, the {proxy} ({settings}) and that the storage service is up, then pan or refresh the map to retry.</source>
      <translation>votre connexion réseau, le {proxy} ({settings}) et que le service de stockage fonctionne, puis déplacez ou actualisez la carte pour réessayer.</translation>
    </message>
    <message>
      <source>Part of “{layer}” could not be read from {uri}; the map shows what was loaded.</source>
      <translation>Une partie de « {layer} » n'a pas pu être lue depuis {uri} ; la carte affiche ce qui a été chargé.</translation>
    </message>
  </context>
  <context>
    <name>ByocConnectionDialog</name>
    <message>
      <source>unchanged (stored in the QGIS authentication database)</source>
      <translation>inchangé (stocké dans la base de données d'authentification de QGIS)</translation>
    </message>
    <message>
      <source>Testing BYOC connection {name}</source>
      <translation>Test de la connexion BYOC {name}</translation>
    </message>
    <message>
      <source>BYOC connection</source>
      <translation>Connexion BYOC</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Deployment</source>
      <translation>Déploiement</translation>
    </message>
    <message>
      <source>Base URL</source>
      <translation>URL de base</translation>
    </message>
    <message>
      <source>https://services.sentinel-hub.com (custom deployments only)</source>
      <translation>https://services.sentinel-hub.com (déploiements personnalisés uniquement)</translation>
    </message>
    <message>
      <source>Token URL</source>
      <translation>URL du jeton</translation>
    </message>
    <message>
      <source>OAuth token endpoint (custom deployments only)</source>
      <translation>Point de terminaison du jeton OAuth (déploiements personnalisés uniquement)</translation>
    </message>
    <message>
      <source>Client id</source>
      <translation>ID client</translation>
    </message>
    <message>
      <source>Client secret</source>
      <translation>Secret client</translation>
    </message>
    <message>
      <source>stored in the QGIS authentication database</source>
      <translation>stocké dans la base de données d'authentification de QGIS</translation>
    </message>
    <message>
      <source>Create an OAuth client in the Sentinel Hub (or Copernicus Data Space) dashboard under User settings. The id and secret are kept in the QGIS authentication database.</source>
      <translation>Créez un client OAuth dans le tableau de bord Sentinel Hub (ou Copernicus Data Space), sous « User settings ». L'ID et le secret sont conservés dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>Tester</translation>
    </message>
  </context>
  <context>
    <name>ByocDock</name>
    <message>
      <source>Create a connection with New… (an OAuth client of your Sentinel Hub account).</source>
      <translation>Créez une connexion avec Nouveau… (un client OAuth de votre compte Sentinel Hub).</translation>
    </message>
    <message>
      <source>Delete connection</source>
      <translation>Supprimer la connexion</translation>
    </message>
    <message>
      <source>Delete the connection '{name}' and its saved client secret? Collections on Sentinel Hub are not touched.</source>
      <translation>Supprimer la connexion « {name} » et son secret client enregistré ? Les collections sur Sentinel Hub ne sont pas modifiées.</translation>
    </message>
    <message>
      <source>List BYOC collections</source>
      <translation>Lister les collections BYOC</translation>
    </message>
    <message>
      <source>{count} collections.</source>
      <translation>{count} collections.</translation>
    </message>
    <message>
      <source>Create BYOC collection</source>
      <translation>Créer une collection BYOC</translation>
    </message>
    <message>
      <source>Collection name</source>
      <translation>Nom de la collection</translation>
    </message>
    <message>
      <source>Bucket holding the COGs (CDSE: PROJECT_ID:bucket)</source>
      <translation>Bucket contenant les COG (CDSE : PROJECT_ID:bucket)</translation>
    </message>
    <message>
      <source>Create BYOC collection {name}</source>
      <translation>Création de la collection BYOC {name}</translation>
    </message>
    <message>
      <source>Rename BYOC collection</source>
      <translation>Renommer une collection BYOC</translation>
    </message>
    <message>
      <source>New name</source>
      <translation>Nouveau nom</translation>
    </message>
    <message>
      <source>Rename BYOC collection {name}</source>
      <translation>Renommage de la collection BYOC {name}</translation>
    </message>
    <message>
      <source>Delete BYOC collection</source>
      <translation>Supprimer une collection BYOC</translation>
    </message>
    <message>
      <source>Delete the collection '{name}'?

This also deletes all of its {count} tiles from Sentinel Hub; it cannot be undone. The files in the bucket are not touched.</source>
      <translation>Supprimer la collection « {name} » ?

Cela supprime aussi ses {count} tuiles de Sentinel Hub ; cette action est irréversible. Les fichiers du bucket ne sont pas modifiés.</translation>
    </message>
    <message>
      <source>Delete BYOC collection {name}</source>
      <translation>Suppression de la collection BYOC {name}</translation>
    </message>
    <message>
      <source>List tiles of {name}</source>
      <translation>Listage des tuiles de {name}</translation>
    </message>
    <message>
      <source>{count} tiles: {statuses}</source>
      <translation>{count} tuiles : {statuses}</translation>
    </message>
    <message>
      <source>No collection selected.</source>
      <translation>Aucune collection sélectionnée.</translation>
    </message>
    <message>
      <source>Reingest {count} BYOC tile(s)</source>
      <translation>Réingestion de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Delete BYOC tiles</source>
      <translation>Supprimer des tuiles BYOC</translation>
    </message>
    <message>
      <source>Delete {count} tile(s) from the collection? The files stay in the bucket.</source>
      <translation>Supprimer {count} tuile(s) de la collection ? Les fichiers restent dans le bucket.</translation>
    </message>
    <message>
      <source>Delete {count} BYOC tile(s)</source>
      <translation>Suppression de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Sensing time</source>
      <translation>Date d'acquisition</translation>
    </message>
    <message>
      <source>Sensing time (e.g. 2019-11-27T10:30:00Z)</source>
      <translation>Date d'acquisition (par ex. 2019-11-27T10:30:00Z)</translation>
    </message>
    <message>
      <source>Set sensing time of {count} BYOC tile(s)</source>
      <translation>Définition de la date d'acquisition de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Select one tile here and one polygon in the active vector layer.</source>
      <translation>Sélectionnez une tuile ici et un polygone dans la couche vecteur active.</translation>
    </message>
    <message>
      <source>Set cover geometry of {count} BYOC tile(s)</source>
      <translation>Définition de la géométrie de couverture de {count} tuile(s) BYOC</translation>
    </message>
    <message>
      <source>Select one or more tiles first.</source>
      <translation>Sélectionnez d'abord une ou plusieurs tuiles.</translation>
    </message>
    <message>
      <source>Select (or create) the collection to register tiles in.</source>
      <translation>Sélectionnez (ou créez) la collection dans laquelle déclarer les tuiles.</translation>
    </message>
    <message>
      <source>BYOC {collection}</source>
      <translation>BYOC {collection}</translation>
    </message>
    <message>
      <source>Sentinel Hub BYOC</source>
      <translation>Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <source>Saved Sentinel Hub BYOC connections</source>
      <translation>Connexions Sentinel Hub BYOC enregistrées</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Nouveau…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Collections</source>
      <translation>Collections</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>Create…</source>
      <translation>Créer…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Renommer…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Supprimer…</translation>
    </message>
    <message>
      <source>Deletes the collection and all its tiles</source>
      <translation>Supprime la collection et toutes ses tuiles</translation>
    </message>
    <message>
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <source>Register tiles…</source>
      <translation>Déclarer des tuiles…</translation>
    </message>
    <message>
      <source>Reingest</source>
      <translation>Réingérer</translation>
    </message>
    <message>
      <source>Delete tile…</source>
      <translation>Supprimer la tuile…</translation>
    </message>
    <message>
      <source>Sensing time…</source>
      <translation>Date d'acquisition…</translation>
    </message>
    <message>
      <source>Cover from selection</source>
      <translation>Couverture depuis la sélection</translation>
    </message>
    <message>
      <source>Set the cover geometry of the selected tile from the selected polygon of the active layer</source>
      <translation>Définir la géométrie de couverture de la tuile sélectionnée à partir du polygone sélectionné dans la couche active</translation>
    </message>
    <message>
      <source>Footprints on map</source>
      <translation>Emprises sur la carte</translation>
    </message>
    <message>
      <source>Poll status until every tile is ingested or failed</source>
      <translation>Interroger l'état jusqu'à ce que chaque tuile soit ingérée ou en échec</translation>
    </message>
  </context>
  <context>
    <name>ByocRegisterDialog</name>
    <message>
      <source>Group BYOC tiles</source>
      <translation>Regrouper les tuiles BYOC</translation>
    </message>
    <message>
      <source>{tiles}; band files: {bands}</source>
      <translation>{tiles} ; fichiers de bandes : {bands}</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <source>⚠ {names} were grouped into one tile, {template}, only because they share a folder: their names ({bands}) look like separate images, not bands. If they are separate images, put each in its own folder or name its band files …_B04.tif, …_B08.tif before registering.</source>
      <translation>⚠ {names} ont été regroupés en une seule tuile, {template}, uniquement parce qu'ils partagent un dossier : leurs noms ({bands}) évoquent des images distinctes, pas des bandes. S'il s'agit d'images distinctes, placez chacune dans son propre dossier ou nommez ses fichiers de bandes …_B04.tif, …_B08.tif avant la déclaration.</translation>
    </message>
    <message>
      <source>… and {count} more tiles.</source>
      <translation>… et {count} autres tuiles.</translation>
    </message>
    <message>
      <source>Check the proposed tiles below before registering.</source>
      <translation>Vérifiez les tuiles proposées ci-dessous avant de les déclarer.</translation>
    </message>
    <message>
      <source>{tiles} proposed: check them below, then press Register.</source>
      <translation>Tuiles proposées : {tiles}. Vérifiez-les ci-dessous, puis cliquez sur Déclarer.</translation>
    </message>
    <message>
      <source>{template}: {files}</source>
      <translation>{template} : {files}</translation>
    </message>
    <message>
      <source>no files</source>
      <translation>aucun fichier</translation>
    </message>
    <message>
      <source>1 tile</source>
      <translation>1 tuile</translation>
    </message>
    <message>
      <source>{count} tiles</source>
      <translation>{count} tuiles</translation>
    </message>
    <message>
      <source>Nothing was registered: the sensing time cannot be read.</source>
      <translation>Rien n'a été déclaré : la date d'acquisition est illisible.</translation>
    </message>
    <message>
      <source>Register BYOC tiles in {collection}</source>
      <translation>Déclarer des tuiles BYOC dans {collection}</translation>
    </message>
    <message>
      <source>Pre-flight: {files} files checked, {bytes} bytes read.</source>
      <translation>Contrôle préalable : {files} fichiers vérifiés, {bytes} octets lus.</translation>
    </message>
    <message>
      <source>ERROR {problem}</source>
      <translation>ERREUR {problem}</translation>
    </message>
    <message>
      <source>warning {problem}</source>
      <translation>avertissement {problem}</translation>
    </message>
    <message>
      <source>Collection bands configured from the first tile: {bands}.</source>
      <translation>Bandes de la collection configurées à partir de la première tuile : {bands}.</translation>
    </message>
    <message>
      <source>Registered: {summary}</source>
      <translation>Déclaration : {summary}</translation>
    </message>
    <message>
      <source>failed {path}: {reason}</source>
      <translation>échec {path} : {reason}</translation>
    </message>
    <message>
      <source>Nothing was registered: fix the problems below first.</source>
      <translation>Rien n'a été déclaré : corrigez d'abord les problèmes ci-dessous.</translation>
    </message>
    <message>
      <source>Nothing was registered.</source>
      <translation>Rien n'a été déclaré.</translation>
    </message>
    <message>
      <source>Cancelled. Tiles sent before the cancel stay registered; running again resumes.</source>
      <translation>Annulé. Les tuiles envoyées avant l'annulation restent déclarées ; une nouvelle exécution reprend là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
      <source>Register BYOC tiles</source>
      <translation>Déclarer des tuiles BYOC</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Bucket</source>
      <translation>Bucket</translation>
    </message>
    <message>
      <source>s3://bucket (to read the files for checks, bands and cover)</source>
      <translation>s3://bucket (pour lire les fichiers : vérifications, bandes et couverture)</translation>
    </message>
    <message>
      <source>Object keys, prefixes ending in / or tile paths with (BAND), one per line</source>
      <translation>Clés d'objet, préfixes terminés par / ou chemins de tuiles avec (BAND), un par ligne</translation>
    </message>
    <message>
      <source>2019/11/27/28V/B04.tif
2019/11/27/28V/B08.tif
… or 2019/11/27/28V/(BAND).tif</source>
      <translation>2019/11/27/28V/B04.tif
2019/11/27/28V/B08.tif
… ou 2019/11/27/28V/(BAND).tif</translation>
    </message>
    <message>
      <source>Group into tiles</source>
      <translation>Regrouper en tuiles</translation>
    </message>
    <message>
      <source>Group object keys into tiles and propose (BAND) path templates</source>
      <translation>Regrouper les clés d'objet en tuiles et proposer des modèles de chemin avec (BAND)</translation>
    </message>
    <message>
      <source>Sensing time from path</source>
      <translation>Date d'acquisition depuis le chemin</translation>
    </message>
    <message>
      <source>%Y/%m/%d or (?P&lt;year&gt;\d{4})(?P&lt;month&gt;\d\d)(?P&lt;day&gt;\d\d)</source>
      <translation>%Y/%m/%d ou (?P&lt;year&gt;\d{4})(?P&lt;month&gt;\d\d)(?P&lt;day&gt;\d\d)</translation>
    </message>
    <message>
      <source>or sensing time</source>
      <translation>ou date d'acquisition</translation>
    </message>
    <message>
      <source>2019-11-27T10:30:00Z (empty: none)</source>
      <translation>2019-11-27T10:30:00Z (vide : aucune)</translation>
    </message>
    <message>
      <source>Pre-flight: check every file with the byoc profile (headers only) and the bucket region</source>
      <translation>Contrôle préalable : vérifier chaque fichier avec le profil byoc (en-têtes uniquement) et la région du bucket</translation>
    </message>
    <message>
      <source>Configure the collection's bands from the first tile (if it has none)</source>
      <translation>Configurer les bandes de la collection à partir de la première tuile (si elle n'en a pas)</translation>
    </message>
    <message>
      <source>Trace cover geometry from the valid-data mask (≤ 100 points)</source>
      <translation>Tracer la géométrie de couverture à partir du masque des données valides (≤ 100 points)</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Déclarer</translation>
    </message>
    <message>
      <source>Cancel run</source>
      <translation>Annuler l'exécution</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>ConvertDialog</name>
    <message>
      <source>Profile default</source>
      <translation>Par défaut du profil</translation>
    </message>
    <message>
      <source>The nodata value '{value}' is not a number.</source>
      <translation>La valeur nodata « {value} » n'est pas un nombre.</translation>
    </message>
    <message>
      <source>The nodata value must be finite or nan.</source>
      <translation>La valeur nodata doit être finie ou nan.</translation>
    </message>
    <message>
      <source>The band list '{value}' is not valid: give band numbers separated by commas, e.g. 4,3,2.</source>
      <translation>La liste de bandes « {value} » n'est pas valide : indiquez des numéros de bande séparés par des virgules, par ex. 4,3,2.</translation>
    </message>
    <message>
      <source>Add and check at least one raster to convert.</source>
      <translation>Ajoutez et cochez au moins un raster à convertir.</translation>
    </message>
    <message>
      <source>Choose a destination folder for the COGs.</source>
      <translation>Choisissez un dossier de destination pour les COG.</translation>
    </message>
    <message>
      <source>The destination folder could not be created ({reason}). Check the path and your permissions.</source>
      <translation>Impossible de créer le dossier de destination ({reason}). Vérifiez le chemin et vos droits.</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>en attente</translation>
    </message>
    <message>
      <source>{count} raster(s)</source>
      <translation>{count} raster(s)</translation>
    </message>
    <message>
      <source>Converting {count} to COG ({profile})</source>
      <translation>Conversion de {count} en COG ({profile})</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Converting {count}…</source>
      <translation>Conversion de {count}…</translation>
    </message>
    <message>
      <source>converting</source>
      <translation>conversion</translation>
    </message>
    <message>
      <source>✔ converted.</source>
      <translation>✔ converti.</translation>
    </message>
    <message>
      <source>✘ {reason}</source>
      <translation>✘ {reason}</translation>
    </message>
    <message>
      <source>Converted {done} of {total} rasters.</source>
      <translation>Rasters convertis : {done} sur {total}.</translation>
    </message>
    <message>
      <source>Uploading the converted copies back to {folders}; the message bar reports the result.</source>
      <translation>Téléversement des copies converties vers {folders} ; la barre de messages indiquera le résultat.</translation>
    </message>
    <message>
      <source>No saved connection opens {objects}: upload those copies from the Publish dock.</source>
      <translation>Aucune connexion enregistrée n'ouvre {objects} : téléversez ces copies depuis le panneau Publier.</translation>
    </message>
    <message>
      <source>not converted</source>
      <translation>non converti</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annulé</translation>
    </message>
    <message>
      <source>Conversion cancelled. Files finished before the cancel were kept; no partial file was left.</source>
      <translation>Conversion annulée. Les fichiers terminés avant l'annulation ont été conservés ; aucun fichier partiel n'a été laissé.</translation>
    </message>
    <message>
      <source>Convert</source>
      <translation>Convertir</translation>
    </message>
    <message>
      <source>Choose rasters to convert</source>
      <translation>Choisir les rasters à convertir</translation>
    </message>
    <message>
      <source>Choose a folder of rasters</source>
      <translation>Choisir un dossier de rasters</translation>
    </message>
    <message>
      <source>Choose the destination folder</source>
      <translation>Choisir le dossier de destination</translation>
    </message>
    <message>
      <source>Convert to COG</source>
      <translation>Convertir en COG</translation>
    </message>
    <message>
      <source>Rasters to convert (checked ones are converted)</source>
      <translation>Rasters à convertir (les rasters cochés sont convertis)</translation>
    </message>
    <message>
      <source>Local raster files, or /vsi… paths of objects in a bucket</source>
      <translation>Fichiers raster locaux, ou chemins /vsi… d'objets dans un bucket</translation>
    </message>
    <message>
      <source>Raster</source>
      <translation>Raster</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progression</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Résultat</translation>
    </message>
    <message>
      <source>Add map layers</source>
      <translation>Ajouter des couches de la carte</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
      <source>Add folder…</source>
      <translation>Ajouter un dossier…</translation>
    </message>
    <message>
      <source>Remove selected</source>
      <translation>Retirer la sélection</translation>
    </message>
    <message>
      <source>Target profile</source>
      <translation>Profil cible</translation>
    </message>
    <message>
      <source>Override the profile's defaults</source>
      <translation>Remplacer les valeurs par défaut du profil</translation>
    </message>
    <message>
      <source>Compression</source>
      <translation>Compression</translation>
    </message>
    <message>
      <source>Level / quality</source>
      <translation>Niveau / qualité</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>Par défaut</translation>
    </message>
    <message>
      <source>Tile size</source>
      <translation>Taille de tuile</translation>
    </message>
    <message>
      <source>Overview resampling</source>
      <translation>Rééchantillonnage des pyramides</translation>
    </message>
    <message>
      <source>Nodata value</source>
      <translation>Valeur nodata</translation>
    </message>
    <message>
      <source>Keep the source's</source>
      <translation>Identique à la source</translation>
    </message>
    <message>
      <source>Bands</source>
      <translation>Bandes</translation>
    </message>
    <message>
      <source>All bands (or e.g. 4,3,2)</source>
      <translation>Toutes les bandes (ou par ex. 4,3,2)</translation>
    </message>
    <message>
      <source>One single-band COG per band (&lt;name&gt;_B01.tif, &lt;name&gt;_B02.tif, …)</source>
      <translation>Un COG mono-bande par bande (&lt;name&gt;_B01.tif, &lt;name&gt;_B02.tif, …)</translation>
    </message>
    <message>
      <source>Destination folder</source>
      <translation>Dossier de destination</translation>
    </message>
    <message>
      <source>…</source>
      <translation>…</translation>
    </message>
    <message>
      <source>File names</source>
      <translation>Noms de fichiers</translation>
    </message>
    <message>
      <source>{stem}.tif</source>
      <translation>{stem}.tif</translation>
    </message>
    <message>
      <source>{stem} is the source name without extension, {name} with it, {profile} the profile</source>
      <translation>{stem} est le nom de la source sans extension, {name} avec extension, {profile} le profil</translation>
    </message>
    <message>
      <source>Add the results to the map</source>
      <translation>Ajouter les résultats à la carte</translation>
    </message>
    <message>
      <source>Upload the converted copies of bucket objects back beside their sources</source>
      <translation>Téléverser les copies converties des objets de bucket à côté de leurs sources</translation>
    </message>
    <message>
      <source>Bucket objects are converted into local copies in the destination folder; this puts each copy back in the bucket folder it came from (asking before it replaces an object)</source>
      <translation>Les objets de bucket sont convertis en copies locales dans le dossier de destination ; cette option renvoie chaque copie dans le dossier du bucket d'où elle provient (en demandant avant de remplacer un objet)</translation>
    </message>
    <message>
      <source>Overall: %p%</source>
      <translation>Progression globale : %p%</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>ValidationDialog</name>
    <message>
      <source>Enter a file path or URI to validate.</source>
      <translation>Saisissez un chemin de fichier ou un URI à valider.</translation>
    </message>
    <message>
      <source>Validating {count} file(s) for the '{profile}' profile…</source>
      <translation>Validation de {count} fichier(s) pour le profil « {profile} »…</translation>
    </message>
    <message>
      <source>Validate COG ({profile})</source>
      <translation>Valider un COG ({profile})</translation>
    </message>
    <message>
      <source>Valid COG for '{profile}': {errors} error(s), {warnings} warning(s)</source>
      <translation>COG valide pour « {profile} » : {errors} erreur(s), {warnings} avertissement(s)</translation>
    </message>
    <message>
      <source>Not a valid COG for '{profile}': {errors} error(s), {warnings} warning(s)</source>
      <translation>COG non valide pour « {profile} » : {errors} erreur(s), {warnings} avertissement(s)</translation>
    </message>
    <message>
      <source>{count} header bytes read</source>
      <translation>{count} octets d'en-tête lus</translation>
    </message>
    <message>
      <source>{valid} of {total} file(s) are valid COGs for the '{profile}' profile.</source>
      <translation>{valid} fichier(s) sur {total} sont des COG valides pour le profil « {profile} ».</translation>
    </message>
    <message>
      <source>{failed} could not be read.</source>
      <translation>{failed} illisible(s).</translation>
    </message>
    <message>
      <source>Not queued: converting cannot fix these files.</source>
      <translation>Non mis en file d'attente : la conversion ne peut pas corriger ces fichiers.</translation>
    </message>
    <message>
      <source>{count} bucket object(s) will be converted into local copies in the destination folder. Tick “Upload the converted copies…” below to put them back in their bucket.</source>
      <translation>{count} objet(s) de bucket seront convertis en copies locales dans le dossier de destination. Cochez « Téléverser les copies converties… » ci-dessous pour les renvoyer dans leur bucket.</translation>
    </message>
    <message>
      <source>Choose TIFF files</source>
      <translation>Choisir des fichiers TIFF</translation>
    </message>
    <message>
      <source>TIFF files (*.tif *.tiff)</source>
      <translation>Fichiers TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
      <source>Validate COG</source>
      <translation>Valider un COG</translation>
    </message>
    <message>
      <source>File or URI</source>
      <translation>Fichier ou URI</translation>
    </message>
    <message>
      <source>/path/to/file.tif, s3://bucket/key.tif, gs://bucket/key.tif or /vsis3/… (several: separate with ;)</source>
      <translation>/chemin/vers/fichier.tif, s3://bucket/clé.tif, gs://bucket/clé.tif ou /vsis3/… (plusieurs : les séparer par « ; »)</translation>
    </message>
    <message>
      <source>…</source>
      <translation>…</translation>
    </message>
    <message>
      <source>Choose local TIFF files</source>
      <translation>Choisir des fichiers TIFF locaux</translation>
    </message>
    <message>
      <source>Target profile</source>
      <translation>Profil cible</translation>
    </message>
    <message>
      <source>Validate</source>
      <translation>Valider</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Constat</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>Correction</translation>
    </message>
    <message>
      <source>Fix by converting…</source>
      <translation>Corriger par conversion…</translation>
    </message>
    <message>
      <source>Open the conversion with the selected profile for the files that have errors</source>
      <translation>Ouvrir la conversion avec le profil sélectionné pour les fichiers en erreur</translation>
    </message>
  </context>
  <context>
    <name>FindingsView</name>
    <message>
      <source>Finding</source>
      <translation>Constat</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>Correction</translation>
    </message>
  </context>
  <context>
    <name>EarthEngineConnectionDialog</name>
    <message>
      <source>ya29.…  (leave empty to keep the saved token)</source>
      <translation>ya29.…  (laissez vide pour conserver le jeton enregistré)</translation>
    </message>
    <message>
      <source>ya29.…</source>
      <translation>ya29.…</translation>
    </message>
    <message>
      <source>Paste the key JSON, or load it from a file (leave empty to keep the saved key)</source>
      <translation>Collez la clé JSON ou chargez-la depuis un fichier (laissez vide pour conserver la clé enregistrée)</translation>
    </message>
    <message>
      <source>Paste the key JSON, or load it from a file</source>
      <translation>Collez la clé JSON ou chargez-la depuis un fichier</translation>
    </message>
    <message>
      <source>Testing Earth Engine connection {name}</source>
      <translation>Test de la connexion Earth Engine {name}</translation>
    </message>
    <message>
      <source>Service-account key</source>
      <translation>Clé de compte de service</translation>
    </message>
    <message>
      <source>JSON key (*.json)</source>
      <translation>Clé JSON (*.json)</translation>
    </message>
    <message>
      <source>Earth Engine connection</source>
      <translation>Connexion Earth Engine</translation>
    </message>
    <message>
      <source>Earth Engine bills and authorises every request through a Google Cloud project. Enter that project's &lt;b&gt;ID&lt;/b&gt; (for example &lt;i&gt;my-ee-project&lt;/i&gt;, shown in the Cloud console's project picker), not its display name. The project must be registered for Earth Engine (&lt;a href="https://code.earthengine.google.com/register"&gt;code.earthengine.google.com/register&lt;/a&gt;), and the account needs the Earth Engine Resource Writer role on it. Without a valid project ID, Earth Engine answers NOT_FOUND or PERMISSION_DENIED.</source>
      <translation>Earth Engine facture et autorise chaque requête via un projet Google Cloud. Saisissez l'&lt;b&gt;ID&lt;/b&gt; de ce projet (par exemple &lt;i&gt;my-ee-project&lt;/i&gt;, affiché dans le sélecteur de projet de la console Cloud), et non son nom d'affichage. Le projet doit être inscrit à Earth Engine (&lt;a href="https://code.earthengine.google.com/register"&gt;code.earthengine.google.com/register&lt;/a&gt;) et le compte doit y avoir le rôle Earth Engine Resource Writer. Sans ID de projet valide, Earth Engine répond NOT_FOUND ou PERMISSION_DENIED.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Cloud project ID</source>
      <translation>ID du projet Cloud</translation>
    </message>
    <message>
      <source>my-ee-project</source>
      <translation>my-ee-project</translation>
    </message>
    <message>
      <source>Credentials</source>
      <translation>Identifiants</translation>
    </message>
    <message>
      <source>A short-lived OAuth2 access token, e.g. from `gcloud auth print-access-token`. It expires after about an hour. It is stored in the QGIS authentication database only.</source>
      <translation>Un jeton d'accès OAuth2 de courte durée, par ex. obtenu avec `gcloud auth print-access-token`. Il expire au bout d'une heure environ. Il est stocké uniquement dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Access token</source>
      <translation>Jeton d'accès</translation>
    </message>
    <message>
      <source>A service-account JSON key. Cogport signs it into tokens as needed; the key is stored in the QGIS authentication database only. The service account must be registered for Earth Engine and may read the bucket.</source>
      <translation>Une clé JSON de compte de service. Cogport s'en sert pour signer des jetons au besoin ; la clé est stockée uniquement dans la base de données d'authentification de QGIS. Le compte de service doit être inscrit à Earth Engine et avoir le droit de lire le bucket.</translation>
    </message>
    <message>
      <source>Load key file…</source>
      <translation>Charger un fichier de clé…</translation>
    </message>
    <message>
      <source>A QGIS OAuth2 authentication configuration for Google (scope https://www.googleapis.com/auth/earthengine, plus https://www.googleapis.com/auth/devstorage.read_only for the bucket checks). QGIS signs in and renews the token.</source>
      <translation>Une configuration d'authentification OAuth2 de QGIS pour Google (portée https://www.googleapis.com/auth/earthengine, plus https://www.googleapis.com/auth/devstorage.read_only pour les vérifications du bucket). QGIS se charge de la connexion et du renouvellement du jeton.</translation>
    </message>
    <message>
      <source>Service addresses (private endpoints and tests; empty = default or COGPORT_EE_API_URL / COGPORT_GCS_API_URL)</source>
      <translation>Adresses des services (points de terminaison privés et tests ; vide = par défaut ou COGPORT_EE_API_URL / COGPORT_GCS_API_URL)</translation>
    </message>
    <message>
      <source>Earth Engine API</source>
      <translation>API Earth Engine</translation>
    </message>
    <message>
      <source>https://earthengine.googleapis.com</source>
      <translation>https://earthengine.googleapis.com</translation>
    </message>
    <message>
      <source>Cloud Storage API</source>
      <translation>API Cloud Storage</translation>
    </message>
    <message>
      <source>https://storage.googleapis.com</source>
      <translation>https://storage.googleapis.com</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>Tester</translation>
    </message>
  </context>
  <context>
    <name>EarthEngineDialog</name>
    <message>
      <source>Delete connection</source>
      <translation>Supprimer la connexion</translation>
    </message>
    <message>
      <source>Delete the Earth Engine connection '{name}' and its saved secret?</source>
      <translation>Supprimer la connexion Earth Engine « {name} » et son secret enregistré ?</translation>
    </message>
    <message>
      <source>Band '{band}' (row {row}) has a band index or missing-data value that is not a number.</source>
      <translation>La bande « {band} » (ligne {row}) a un indice de bande ou une valeur de données manquantes qui n'est pas un nombre.</translation>
    </message>
    <message>
      <source>the Band index (an integer from 0) and Missing data (comma-separated numbers) columns.</source>
      <translation>les colonnes Indice de bande (un entier à partir de 0) et Données manquantes (nombres séparés par des virgules).</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Traitement en cours…</translation>
    </message>
    <message>
      <source>Add at least one gs:// COG first.</source>
      <translation>Ajoutez d'abord au moins un COG gs://.</translation>
    </message>
    <message>
      <source>Read {bands} band(s) from {files} file(s).</source>
      <translation>{bands} bande(s) lue(s) dans {files} fichier(s).</translation>
    </message>
    <message>
      <source>Read Earth Engine bands from the COGs</source>
      <translation>Lire les bandes Earth Engine dans les COG</translation>
    </message>
    <message>
      <source>Check Earth Engine asset {asset}</source>
      <translation>Vérification de l'élément Earth Engine {asset}</translation>
    </message>
    <message>
      <source>Register Earth Engine asset {asset}</source>
      <translation>Déclaration de l'élément Earth Engine {asset}</translation>
    </message>
    <message>
      <source>Register {count} Earth Engine asset(s) under {asset}</source>
      <translation>Déclaration de {count} élément(s) Earth Engine sous {asset}</translation>
    </message>
    <message>
      <source>Registered &lt;a href='{url}'&gt;{asset}&lt;/a&gt;</source>
      <translation>&lt;a href='{url}'&gt;{asset}&lt;/a&gt; déclaré</translation>
    </message>
    <message>
      <source>{registered} of {count} asset(s) registered.</source>
      <translation>{registered} élément(s) sur {count} déclaré(s).</translation>
    </message>
    <message>
      <source>Registered (overwriting) Earth Engine asset &lt;b&gt;{asset}&lt;/b&gt;. {link}</source>
      <translation>Élément Earth Engine &lt;b&gt;{asset}&lt;/b&gt; déclaré (en écrasant l'existant). {link}</translation>
    </message>
    <message>
      <source>Registered Earth Engine asset &lt;b&gt;{asset}&lt;/b&gt;. {link}</source>
      <translation>Élément Earth Engine &lt;b&gt;{asset}&lt;/b&gt; déclaré. {link}</translation>
    </message>
    <message>
      <source>&lt;a href='{url}'&gt;Open it in the Code Editor&lt;/a&gt;</source>
      <translation>&lt;a href='{url}'&gt;L'ouvrir dans le Code Editor&lt;/a&gt;</translation>
    </message>
    <message>
      <source>Checks passed for {asset} (see warnings).</source>
      <translation>Vérifications réussies pour {asset} (voir les avertissements).</translation>
    </message>
    <message>
      <source>Checks passed for {asset}.</source>
      <translation>Vérifications réussies pour {asset}.</translation>
    </message>
    <message>
      <source>{count} error(s) block registration: see the findings and their fixes.</source>
      <translation>{count} erreur(s) empêchent la déclaration : consultez les constats et leurs corrections.</translation>
    </message>
    <message>
      <source>Import manifest</source>
      <translation>Importer un manifeste</translation>
    </message>
    <message>
      <source>Manifest (*.json)</source>
      <translation>Manifeste (*.json)</translation>
    </message>
    <message>
      <source>Could not read {path}: {error}</source>
      <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
      <source>Imported {file}.</source>
      <translation>{file} importé.</translation>
    </message>
    <message>
      <source>Export manifest</source>
      <translation>Exporter le manifeste</translation>
    </message>
    <message>
      <source>Exported {file} (for `earthengine upload external_image --manifest`).</source>
      <translation>{file} exporté (pour `earthengine upload external_image --manifest`).</translation>
    </message>
    <message>
      <source>Register Earth Engine asset</source>
      <translation>Déclarer un élément Earth Engine</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Nouveau…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Asset ID</source>
      <translation>ID de l'élément</translation>
    </message>
    <message>
      <source>projects/my-ee-project/assets/folder/image  (or just folder/image: the connection's project is used)</source>
      <translation>projects/my-ee-project/assets/dossier/image  (ou simplement dossier/image : le projet de la connexion est utilisé)</translation>
    </message>
    <message>
      <source>One Cloud Optimized GeoTIFF per tileset, as gs://bucket/object. The bucket must be in the US multi-region, US-CENTRAL1 or a US dual-region with us-central1, in Standard storage.</source>
      <translation>Un Cloud Optimized GeoTIFF par jeu de tuiles, sous la forme gs://bucket/objet. Le bucket doit se trouver dans la multirégion US, dans US-CENTRAL1 ou dans une birégion US incluant us-central1, en classe de stockage Standard.</translation>
    </message>
    <message>
      <source>Tileset id</source>
      <translation>ID du jeu de tuiles</translation>
    </message>
    <message>
      <source>gs:// URI</source>
      <translation>URI gs://</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>Bands from files</source>
      <translation>Bandes depuis les fichiers</translation>
    </message>
    <message>
      <source>Fill the bands table from the files: band descriptions (else b1, b2, …) and nodata.</source>
      <translation>Remplir le tableau des bandes à partir des fichiers : descriptions des bandes (sinon b1, b2, …) et valeur nodata.</translation>
    </message>
    <message>
      <source>The asset's bands in order. Band index is zero-based within its tileset. Missing data: comma-separated values (empty: not set). Leave the table empty to take every band of every file.</source>
      <translation>Les bandes de l'élément, dans l'ordre. L'indice de bande commence à zéro au sein de son jeu de tuiles. Données manquantes : valeurs séparées par des virgules (vide : non défini). Laissez le tableau vide pour prendre toutes les bandes de tous les fichiers.</translation>
    </message>
    <message>
      <source>Band id</source>
      <translation>ID de bande</translation>
    </message>
    <message>
      <source>Band index</source>
      <translation>Indice de bande</translation>
    </message>
    <message>
      <source>Missing data</source>
      <translation>Données manquantes</translation>
    </message>
    <message>
      <source>Pyramiding policy</source>
      <translation>Règle de pyramidage</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Monter</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Descendre</translation>
    </message>
    <message>
      <source>Mask band (last band of tileset)</source>
      <translation>Bande de masque (dernière bande du jeu de tuiles)</translation>
    </message>
    <message>
      <source>Masked bands</source>
      <translation>Bandes masquées</translation>
    </message>
    <message>
      <source>comma-separated band ids (empty: all bands)</source>
      <translation>ID de bande séparés par des virgules (vide : toutes les bandes)</translation>
    </message>
    <message>
      <source>Property</source>
      <translation>Propriété</translation>
    </message>
    <message>
      <source>Value (number or text)</source>
      <translation>Valeur (nombre ou texte)</translation>
    </message>
    <message>
      <source>Start time</source>
      <translation>Date de début</translation>
    </message>
    <message>
      <source>2024-05-01T00:00:00Z or 2024-05-01 (UTC)</source>
      <translation>2024-05-01T00:00:00Z ou 2024-05-01 (UTC)</translation>
    </message>
    <message>
      <source>End time (exclusive)</source>
      <translation>Date de fin (exclue)</translation>
    </message>
    <message>
      <source>URI prefix</source>
      <translation>Préfixe d'URI</translation>
    </message>
    <message>
      <source>optional, prepended to every URI, e.g. gs://bucket/folder/</source>
      <translation>facultatif, ajouté au début de chaque URI, par ex. gs://bucket/dossier/</translation>
    </message>
    <message>
      <source>Overwrite an existing asset</source>
      <translation>Écraser un élément existant</translation>
    </message>
    <message>
      <source>Pin object generations (#generation)</source>
      <translation>Figer les générations d'objet (#generation)</translation>
    </message>
    <message>
      <source>Register exactly the current version of each object. Keep that version (object versioning) if you overwrite the file later.</source>
      <translation>Déclarer exactement la version actuelle de chaque objet. Conservez cette version (versionnage des objets) si vous écrasez le fichier plus tard.</translation>
    </message>
    <message>
      <source>One asset per file (Asset ID is a folder)</source>
      <translation>Un élément par fichier (l'ID de l'élément est un dossier)</translation>
    </message>
    <message>
      <source>Register each tileset's file as its own asset, named &lt;Asset ID&gt;/&lt;file name&gt;, with bands read from the file and the properties and times above.</source>
      <translation>Déclarer le fichier de chaque jeu de tuiles comme un élément distinct, nommé &lt;ID de l'élément&gt;/&lt;nom du fichier&gt;, avec les bandes lues dans le fichier et les propriétés et dates ci-dessus.</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Constat</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>Correction</translation>
    </message>
    <message>
      <source>Import manifest…</source>
      <translation>Importer un manifeste…</translation>
    </message>
    <message>
      <source>Export manifest…</source>
      <translation>Exporter un manifeste…</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Vérifier</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Déclarer</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>PublishBatchAlgorithm</name>
    <message>
      <source>Input: a folder, files (one per line) or a bucket prefix</source>
      <translation>Entrée : un dossier, des fichiers (un par ligne) ou un préfixe de bucket</translation>
    </message>
    <message>
      <source>Destination prefix (s3://bucket/cogs/)</source>
      <translation>Préfixe de destination (s3://bucket/cogs/)</translation>
    </message>
    <message>
      <source>Storage connection name</source>
      <translation>Nom de la connexion de stockage</translation>
    </message>
    <message>
      <source>Target profile</source>
      <translation>Profil cible</translation>
    </message>
    <message>
      <source>An object this job did not write is already there</source>
      <translation>Un objet que cette tâche n'a pas écrit existe déjà</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Déclarer</translation>
    </message>
    <message>
      <source>BYOC or Earth Engine connection (empty: environment)</source>
      <translation>Connexion BYOC ou Earth Engine (vide : environnement)</translation>
    </message>
    <message>
      <source>BYOC collection (id or name)</source>
      <translation>Collection BYOC (ID ou nom)</translation>
    </message>
    <message>
      <source>BYOC sensing-time pattern (strftime or regex)</source>
      <translation>Motif de date d'acquisition BYOC (strftime ou expression régulière)</translation>
    </message>
    <message>
      <source>Earth Engine asset folder (projects/&lt;project&gt;/assets/&lt;path&gt;)</source>
      <translation>Dossier d'éléments Earth Engine (projects/&lt;project&gt;/assets/&lt;path&gt;)</translation>
    </message>
    <message>
      <source>Dask scheduler address (empty: this computer)</source>
      <translation>Adresse de l'ordonnanceur Dask (vide : cet ordinateur)</translation>
    </message>
    <message>
      <source>Items at a time on this computer (0: as cores and memory allow)</source>
      <translation>Éléments traités à la fois sur cet ordinateur (0 : selon les cœurs et la mémoire)</translation>
    </message>
    <message>
      <source>Job manifest</source>
      <translation>Manifeste de la tâche</translation>
    </message>
    <message>
      <source>JSON lines (*.jsonl)</source>
      <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
      <source>Published objects, one per line</source>
      <translation>Objets publiés, un par ligne</translation>
    </message>
    <message>
      <source>Items published (or registered) in all runs</source>
      <translation>Éléments publiés (ou déclarés) sur l'ensemble des exécutions</translation>
    </message>
    <message>
      <source>Items that failed</source>
      <translation>Éléments en échec</translation>
    </message>
    <message>
      <source>No destination was given.</source>
      <translation>Aucune destination n'a été indiquée.</translation>
    </message>
    <message>
      <source>the DESTINATION parameter: a prefix such as s3://bucket/cogs/.</source>
      <translation>le paramètre DESTINATION : un préfixe tel que s3://bucket/cogs/.</translation>
    </message>
    <message>
      <source>Job manifest: {manifest}</source>
      <translation>Manifeste de la tâche : {manifest}</translation>
    </message>
    <message>
      <source>BYOC registration needs a collection.</source>
      <translation>La déclaration BYOC nécessite une collection.</translation>
    </message>
    <message>
      <source>the COLLECTION parameter (id or name).</source>
      <translation>le paramètre COLLECTION (ID ou nom).</translation>
    </message>
    <message>
      <source>There is no BYOC collection '{collection}'.</source>
      <translation>Il n'existe aucune collection BYOC « {collection} ».</translation>
    </message>
    <message>
      <source>the collection id or name.</source>
      <translation>l'ID ou le nom de la collection.</translation>
    </message>
    <message>
      <source>Earth Engine registration needs credentials.</source>
      <translation>La déclaration dans Earth Engine nécessite des identifiants.</translation>
    </message>
  </context>
  <context>
    <name>_ByocAlgorithm</name>
    <message>
      <source>No BYOC connection.</source>
      <translation>Aucune connexion BYOC.</translation>
    </message>
  </context>
  <context>
    <name>RegisterByocTilesAlgorithm</name>
    <message>
      <source>BYOC connection (empty: SH_CLIENT_ID / SH_CLIENT_SECRET)</source>
      <translation>Connexion BYOC (vide : SH_CLIENT_ID / SH_CLIENT_SECRET)</translation>
    </message>
    <message>
      <source>Collection (id or name)</source>
      <translation>Collection (ID ou nom)</translation>
    </message>
    <message>
      <source>Bucket of a new collection (CDSE: PROJECT_ID:bucket)</source>
      <translation>Bucket d'une nouvelle collection (CDSE : PROJECT_ID:bucket)</translation>
    </message>
    <message>
      <source>Create the collection if missing</source>
      <translation>Créer la collection si elle n'existe pas</translation>
    </message>
    <message>
      <source>Tile paths, one per line (with (BAND))</source>
      <translation>Chemins de tuiles, un par ligne (avec (BAND))</translation>
    </message>
    <message>
      <source>Sensing-time pattern (strftime or regex with named groups)</source>
      <translation>Motif de date d'acquisition (strftime ou expression régulière avec groupes nommés)</translation>
    </message>
    <message>
      <source>Wait until ingestion ends</source>
      <translation>Attendre la fin de l'ingestion</translation>
    </message>
    <message>
      <source>Seconds between status polls</source>
      <translation>Secondes entre les interrogations de l'état</translation>
    </message>
    <message>
      <source>BYOC tiles</source>
      <translation>Tuiles BYOC</translation>
    </message>
    <message>
      <source>Collection id</source>
      <translation>ID de la collection</translation>
    </message>
    <message>
      <source>No tile paths were given.</source>
      <translation>Aucun chemin de tuile n'a été indiqué.</translation>
    </message>
    <message>
      <source>the TILE_PATHS parameter: one path per line.</source>
      <translation>le paramètre TILE_PATHS : un chemin par ligne.</translation>
    </message>
    <message>
      <source>Collection {name} ({id}): {summary}</source>
      <translation>Collection {name} ({id}) : {summary}</translation>
    </message>
    <message>
      <source>Registration was cancelled.</source>
      <translation>La déclaration a été annulée.</translation>
    </message>
    <message>
      <source>the summary above; a re-run resumes.</source>
      <translation>le résumé ci-dessus ; une nouvelle exécution reprend là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
      <source>There is no BYOC collection '{collection}'.</source>
      <translation>Il n'existe aucune collection BYOC « {collection} ».</translation>
    </message>
    <message>
      <source>the collection id or name, or tick CREATE (with BUCKET) to create it.</source>
      <translation>l'ID ou le nom de la collection, ou cochez CREATE (avec BUCKET) pour la créer.</translation>
    </message>
    <message>
      <source>A new collection needs a bucket.</source>
      <translation>Une nouvelle collection nécessite un bucket.</translation>
    </message>
    <message>
      <source>the BUCKET parameter.</source>
      <translation>le paramètre BUCKET.</translation>
    </message>
    <message>
      <source>Created collection {name} ({id}) on bucket {bucket}.</source>
      <translation>Collection {name} ({id}) créée sur le bucket {bucket}.</translation>
    </message>
  </context>
  <context>
    <name>ListByocTilesAlgorithm</name>
    <message>
      <source>BYOC connection (empty: SH_CLIENT_ID / SH_CLIENT_SECRET)</source>
      <translation>Connexion BYOC (vide : SH_CLIENT_ID / SH_CLIENT_SECRET)</translation>
    </message>
    <message>
      <source>Collection (id or name)</source>
      <translation>Collection (ID ou nom)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>BYOC tiles</source>
      <translation>Tuiles BYOC</translation>
    </message>
    <message>
      <source>There is no BYOC collection '{collection}'.</source>
      <translation>Il n'existe aucune collection BYOC « {collection} ».</translation>
    </message>
    <message>
      <source>the collection id or name.</source>
      <translation>l'ID ou le nom de la collection.</translation>
    </message>
  </context>
  <context>
    <name>ConvertToCogAlgorithm</name>
    <message>
      <source>cog,geotiff,cloud,convert,earth engine,sentinel hub,byoc,web</source>
      <translation>cog,geotiff,cloud,nuage,convert,convertir,conversion,earth engine,sentinel hub,byoc,web</translation>
    </message>
    <message>
      <source>Input raster (layer or file)</source>
      <translation>Raster en entrée (couche ou fichier)</translation>
    </message>
    <message>
      <source>Target profile</source>
      <translation>Profil cible</translation>
    </message>
    <message>
      <source>Compression (empty = the profile's default)</source>
      <translation>Compression (vide = valeur par défaut du profil)</translation>
    </message>
    <message>
      <source>Tile size in pixels (0 = the profile's default)</source>
      <translation>Taille de tuile en pixels (0 = valeur par défaut du profil)</translation>
    </message>
    <message>
      <source>Write one single-band COG per band (&lt;stem&gt;_B01.tif, …)</source>
      <translation>Écrire un COG mono-bande par bande (&lt;stem&gt;_B01.tif, …)</translation>
    </message>
    <message>
      <source>Cloud Optimized GeoTIFF</source>
      <translation>Cloud Optimized GeoTIFF</translation>
    </message>
    <message>
      <source>All files written</source>
      <translation>Tous les fichiers écrits</translation>
    </message>
    <message>
      <source>The input raster could not be loaded. Check the INPUT parameter.</source>
      <translation>Impossible de charger le raster en entrée. Vérifiez le paramètre INPUT.</translation>
    </message>
    <message>
      <source>The layer '{layer}' is not a file-based raster ({provider} provider). Check the INPUT: choose a raster file or a layer read by GDAL.</source>
      <translation>La couche « {layer} » n'est pas un raster issu d'un fichier (fournisseur {provider}). Vérifiez INPUT : choisissez un fichier raster ou une couche lue par GDAL.</translation>
    </message>
    <message>
      <source>Converting {source} with the '{profile}' profile.</source>
      <translation>Conversion de {source} avec le profil « {profile} ».</translation>
    </message>
    <message>
      <source>Creation options: {options}</source>
      <translation>Options de création : {options}</translation>
    </message>
  </context>
  <context>
    <name>RegisterEarthEngineAlgorithm</name>
    <message>
      <source>Asset ID (projects/&lt;project&gt;/assets/&lt;path&gt;, or &lt;path&gt; with a connection)</source>
      <translation>ID de l'élément (projects/&lt;projet&gt;/assets/&lt;chemin&gt;, ou &lt;chemin&gt; avec une connexion)</translation>
    </message>
    <message>
      <source>gs:// COG URIs, one per tileset (newline- or comma-separated)</source>
      <translation>URI gs:// des COG, une par jeu de tuiles (séparées par des retours à la ligne ou des virgules)</translation>
    </message>
    <message>
      <source>Bands (JSON list of band objects; empty: from the files)</source>
      <translation>Bandes (liste JSON d'objets de bande ; vide : depuis les fichiers)</translation>
    </message>
    <message>
      <source>Properties (flat JSON object)</source>
      <translation>Propriétés (objet JSON à plat)</translation>
    </message>
    <message>
      <source>Start time (RFC 3339, e.g. 2024-05-01T00:00:00Z)</source>
      <translation>Date de début (RFC 3339, par ex. 2024-05-01T00:00:00Z)</translation>
    </message>
    <message>
      <source>End time (RFC 3339, exclusive)</source>
      <translation>Date de fin (RFC 3339, exclue)</translation>
    </message>
    <message>
      <source>Overwrite an existing asset</source>
      <translation>Écraser un élément existant</translation>
    </message>
    <message>
      <source>Pin object generations (#generation)</source>
      <translation>Figer les générations d'objet (#generation)</translation>
    </message>
    <message>
      <source>One asset per file (ASSET_ID is a folder)</source>
      <translation>Un élément par fichier (ASSET_ID est un dossier)</translation>
    </message>
    <message>
      <source>Earth Engine connection (empty: COGPORT_EE_TOKEN)</source>
      <translation>Connexion Earth Engine (vide : COGPORT_EE_TOKEN)</translation>
    </message>
    <message>
      <source>Storage connection reading the files (empty: the bucket's own, else GDAL's)</source>
      <translation>Connexion de stockage pour lire les fichiers (vide : celle du bucket, à défaut les paramètres de GDAL)</translation>
    </message>
    <message>
      <source>Dry run: check and write the manifest only</source>
      <translation>Essai à blanc : vérifier et écrire le manifeste uniquement</translation>
    </message>
    <message>
      <source>Manifest JSON</source>
      <translation>Manifeste JSON</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
      <source>Asset</source>
      <translation>Élément</translation>
    </message>
    <message>
      <source>{reason} The dry run skips the bucket checks.</source>
      <translation>{reason} L'essai à blanc ignore les vérifications du bucket.</translation>
    </message>
    <message>
      <source>Dry run: {asset} passed the checks; nothing was sent.</source>
      <translation>Essai à blanc : {asset} a passé les vérifications ; rien n'a été envoyé.</translation>
    </message>
    <message>
      <source>No source COG was given.</source>
      <translation>Aucun COG source n'a été indiqué.</translation>
    </message>
    <message>
      <source>SOURCES: gs:// URIs, one per tileset.</source>
      <translation>SOURCES : URI gs://, une par jeu de tuiles.</translation>
    </message>
    <message>
      <source>Dry run: {asset} passed the checks.</source>
      <translation>Essai à blanc : {asset} a passé les vérifications.</translation>
    </message>
    <message>
      <source>{failed} of {count} asset(s) failed: {assets}. See the log above.</source>
      <translation>Échec de {failed} élément(s) sur {count} : {assets}. Consultez le journal ci-dessus.</translation>
    </message>
  </context>
  <context>
    <name>BuildMosaicAlgorithm</name>
    <message>
      <source>Mosaic</source>
      <translation>Mosaïque</translation>
    </message>
    <message>
      <source>VRT files (*.vrt)</source>
      <translation>Fichiers VRT (*.vrt)</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Emprises</translation>
    </message>
    <message>
      <source>Scenes in the mosaic</source>
      <translation>Scènes dans la mosaïque</translation>
    </message>
    <message>
      <source>Left out {reason}</source>
      <translation>Écarté : {reason}</translation>
    </message>
    <message>
      <source>{scenes} scenes in {path}.</source>
      <translation>{scenes} scènes dans {path}.</translation>
    </message>
    <message>
      <source>{name} footprints</source>
      <translation>Emprises de {name}</translation>
    </message>
  </context>
  <context>
    <name>PrefixAlgorithm</name>
    <message>
      <source>Storage connection</source>
      <translation>Connexion de stockage</translation>
    </message>
    <message>
      <source>Bucket or prefix (s3://bucket/prefix/)</source>
      <translation>Bucket ou préfixe (s3://bucket/préfixe/)</translation>
    </message>
    <message>
      <source>Include sub-prefixes</source>
      <translation>Inclure les sous-préfixes</translation>
    </message>
    <message>
      <source>Name pattern</source>
      <translation>Motif de nom</translation>
    </message>
  </context>
  <context>
    <name>ListObjectsAlgorithm</name>
    <message>
      <source>Objects</source>
      <translation>Objets</translation>
    </message>
    <message>
      <source>{count} objects so far…</source>
      <translation>{count} objets jusqu'ici…</translation>
    </message>
    <message>
      <source>{count} objects listed under {uri}.</source>
      <translation>{count} objets listés sous {uri}.</translation>
    </message>
  </context>
  <context>
    <name>OpenRemoteRasterAlgorithm</name>
    <message>
      <source>Storage connection</source>
      <translation>Connexion de stockage</translation>
    </message>
    <message>
      <source>Object URI</source>
      <translation>URI de l'objet</translation>
    </message>
    <message>
      <source>Remote raster</source>
      <translation>Raster distant</translation>
    </message>
  </context>
  <context>
    <name>UploadAlgorithm</name>
    <message>
      <source>Local file</source>
      <translation>Fichier local</translation>
    </message>
    <message>
      <source>Destination URI</source>
      <translation>URI de destination</translation>
    </message>
    <message>
      <source>Storage connection (empty: GDAL's own settings)</source>
      <translation>Connexion de stockage (vide : paramètres propres à GDAL)</translation>
    </message>
    <message>
      <source>Overwrite an existing object</source>
      <translation>Écraser un objet existant</translation>
    </message>
    <message>
      <source>Upload only if this is true (validation result)</source>
      <translation>Téléverser uniquement si cette valeur est vraie (résultat de la validation)</translation>
    </message>
    <message>
      <source>Uploaded object URI</source>
      <translation>URI de l'objet téléversé</translation>
    </message>
    <message>
      <source>Uploaded object as a GDAL /vsi…/ path</source>
      <translation>Objet téléversé sous forme de chemin GDAL /vsi…/</translation>
    </message>
    <message>
      <source>Bytes uploaded</source>
      <translation>Octets téléversés</translation>
    </message>
    <message>
      <source>No destination was given. Check the DESTINATION parameter.</source>
      <translation>Aucune destination n'a été indiquée. Vérifiez le paramètre DESTINATION.</translation>
    </message>
    <message>
      <source>{source} was not uploaded: validation found errors. Check the validation report and fix the file (or convert it with 'Convert to COG').</source>
      <translation>{source} n'a pas été téléversé : la validation a trouvé des erreurs. Consultez le rapport de validation et corrigez le fichier (ou convertissez-le avec « Convertir en COG »).</translation>
    </message>
    <message>
      <source>Uploaded {source} to {uri}: {size} bytes, {parts} part(s), checksum verified.</source>
      <translation>{source} téléversé vers {uri} : {size} octets, {parts} partie(s), somme de contrôle vérifiée.</translation>
    </message>
  </context>
  <context>
    <name>ValidateCogAlgorithm</name>
    <message>
      <source>TIFF path or URI</source>
      <translation>Chemin TIFF ou URI</translation>
    </message>
    <message>
      <source>Target profile</source>
      <translation>Profil cible</translation>
    </message>
    <message>
      <source>Validation report (JSON)</source>
      <translation>Rapport de validation (JSON)</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>Valide</translation>
    </message>
    <message>
      <source>Number of errors</source>
      <translation>Nombre d'erreurs</translation>
    </message>
    <message>
      <source>Number of warnings</source>
      <translation>Nombre d'avertissements</translation>
    </message>
    <message>
      <source>No TIFF path or URI was given. Check the INPUT parameter.</source>
      <translation>Aucun chemin TIFF ni URI n'a été indiqué. Vérifiez le paramètre INPUT.</translation>
    </message>
    <message>
      <source> Fix: {fix}</source>
      <translation> Correction : {fix}</translation>
    </message>
    <message>
      <source>{path} is a valid COG for the '{profile}' profile ({bytes} header bytes read).</source>
      <translation>{path} est un COG valide pour le profil « {profile} » ({bytes} octets d'en-tête lus).</translation>
    </message>
    <message>
      <source>{path} is NOT a valid COG for the '{profile}' profile ({bytes} header bytes read).</source>
      <translation>{path} n'est PAS un COG valide pour le profil « {profile} » ({bytes} octets d'en-tête lus).</translation>
    </message>
  </context>
  <context>
    <name>PublishDock</name>
    <message>
      <source>Files to publish</source>
      <translation>Fichiers à publier</translation>
    </message>
    <message>
      <source>Rasters (*.tif *.tiff *.TIF *.jp2 *.img *.vrt);;All files (*)</source>
      <translation>Rasters (*.tif *.tiff *.TIF *.jp2 *.img *.vrt);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs in Earth Engine</source>
      <translation>Puis déclarer les COG téléversés dans Earth Engine</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs as Sentinel Hub BYOC tiles</source>
      <translation>Puis déclarer les COG téléversés comme tuiles Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs (Earth Engine for gs://, BYOC for s3://)</source>
      <translation>Puis déclarer les COG téléversés (Earth Engine pour gs://, BYOC pour s3://)</translation>
    </message>
    <message>
      <source>No destination was given.</source>
      <translation>Aucune destination n'a été indiquée.</translation>
    </message>
    <message>
      <source>the Destination field (e.g. s3://bucket/prefix/).</source>
      <translation>le champ Destination (par ex. s3://bucket/préfixe/).</translation>
    </message>
    <message>
      <source>Add local files or layers to publish first.</source>
      <translation>Ajoutez d'abord des fichiers locaux ou des couches à publier.</translation>
    </message>
    <message>
      <source>Publishing {count} file(s) to {destination}…</source>
      <translation>Publication de {count} fichier(s) vers {destination}…</translation>
    </message>
    <message>
      <source>Publishing {count} file(s) on {where}…</source>
      <translation>Publication de {count} fichier(s) sur {where}…</translation>
    </message>
    <message>
      <source>Cancelled. Publishing the same files again resumes where this stopped.</source>
      <translation>Annulé. Publier à nouveau les mêmes fichiers reprend là où la publication s'est arrêtée.</translation>
    </message>
    <message>
      <source>Manifest: {path}</source>
      <translation>Manifeste : {path}</translation>
    </message>
    <message>
      <source>Cogport: publish to bucket</source>
      <translation>Cogport : publier vers un bucket</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Étape</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progression</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
      <source>Add selected layers</source>
      <translation>Ajouter les couches sélectionnées</translation>
    </message>
    <message>
      <source>Raster layers of the Layers panel that are backed by local files</source>
      <translation>Couches raster du panneau Couches issues de fichiers locaux</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <source>Destination</source>
      <translation>Destination</translation>
    </message>
    <message>
      <source>s3://bucket/prefix/, gs://bucket/prefix/ or /vsiswift/container/prefix/</source>
      <translation>s3://bucket/préfixe/, gs://bucket/préfixe/ ou /vsiswift/conteneur/préfixe/</translation>
    </message>
    <message>
      <source>COG profile</source>
      <translation>Profil COG</translation>
    </message>
    <message>
      <source>Conversion</source>
      <translation>Conversion</translation>
    </message>
    <message>
      <source>If the object exists</source>
      <translation>Si l'objet existe</translation>
    </message>
    <message>
      <source>One COG per band (a Sentinel Hub BYOC (BAND) tile; always converts)</source>
      <translation>Un COG par bande (tuile Sentinel Hub BYOC avec (BAND) ; convertit toujours)</translation>
    </message>
    <message>
      <source>Each file becomes one single-band COG per band, &lt;name&gt;_B01.tif, &lt;name&gt;_B02.tif, …, uploaded together; registration uses the &lt;name&gt;_(BAND).tif path</source>
      <translation>Chaque fichier devient un COG mono-bande par bande, &lt;name&gt;_B01.tif, &lt;name&gt;_B02.tif, …, téléversés ensemble ; la déclaration utilise le chemin &lt;name&gt;_(BAND).tif</translation>
    </message>
    <message>
      <source>Keep converted copies (saved next to their sources)</source>
      <translation>Conserver les copies converties (enregistrées à côté de leurs sources)</translation>
    </message>
    <message>
      <source>Overall: %p%</source>
      <translation>Progression globale : %p%</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Publish</source>
      <translation>Publier</translation>
    </message>
    <message>
      <source>What was uploaded, with its URI, appears here.</source>
      <translation>Ce qui a été téléversé, avec son URI, s'affiche ici.</translation>
    </message>
  </context>
  <context>
    <name>PublishRun</name>
    <message>
      <source>checking</source>
      <translation>vérification</translation>
    </message>
    <message>
      <source>Checking {count} file(s) before upload</source>
      <translation>Vérification de {count} fichier(s) avant le téléversement</translation>
    </message>
    <message>
      <source>Not valid COGs</source>
      <translation>COG non valides</translation>
    </message>
    <message>
      <source>These files are not valid COGs for the '{profile}' profile:
{names}

Convert them to COGs before uploading?</source>
      <translation>Ces fichiers ne sont pas des COG valides pour le profil « {profile} » :
{names}

Les convertir en COG avant le téléversement ?</translation>
    </message>
    <message>
      <source>Convert first</source>
      <translation>Convertir d'abord</translation>
    </message>
    <message>
      <source>Upload as they are</source>
      <translation>Téléverser tels quels</translation>
    </message>
    <message>
      <source>Skip them</source>
      <translation>Les ignorer</translation>
    </message>
    <message>
      <source>Objects already exist</source>
      <translation>Des objets existent déjà</translation>
    </message>
    <message>
      <source>Objects with these names already exist in {destination}:
{names}</source>
      <translation>Des objets portant ces noms existent déjà dans {destination} :
{names}</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>Écraser</translation>
    </message>
    <message>
      <source>Keep both (rename)</source>
      <translation>Conserver les deux (renommer)</translation>
    </message>
    <message>
      <source>not a valid COG; skipped</source>
      <translation>COG non valide ; ignoré</translation>
    </message>
    <message>
      <source>Publishing {name} to {destination}</source>
      <translation>Publication de {name} vers {destination}</translation>
    </message>
    <message>
      <source>Uploaded {uploaded} of {count} file(s) to {destination}</source>
      <translation>{uploaded} fichier(s) sur {count} téléversé(s) vers {destination}</translation>
    </message>
    <message>
      <source> (converted copy kept: {files})</source>
      <translation> (copie convertie conservée : {files})</translation>
    </message>
    <message>
      <source> ({count} band files)</source>
      <translation> ({count} fichiers de bandes)</translation>
    </message>
    <message>
      <source>– {name}: skipped</source>
      <translation>– {name} : ignoré</translation>
    </message>
  </context>
  <context>
    <name>BrowserDock</name>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <source>Modified</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Tester la connexion</translation>
    </message>
    <message>
      <source>Export connections…</source>
      <translation>Exporter les connexions…</translation>
    </message>
    <message>
      <source>Import connections…</source>
      <translation>Importer des connexions…</translation>
    </message>
    <message>
      <source>Import OpenStack openrc or clouds.yaml…</source>
      <translation>Importer un openrc ou clouds.yaml OpenStack…</translation>
    </message>
    <message>
      <source>Import OpenStack environment (OS_*, SWIFT_*)</source>
      <translation>Importer l'environnement OpenStack (OS_*, SWIFT_*)</translation>
    </message>
    <message>
      <source>Remove connection</source>
      <translation>Retirer la connexion</translation>
    </message>
    <message>
      <source>Remove the connection '{name}' and its saved credentials? Objects in the store are not touched.</source>
      <translation>Retirer la connexion « {name} » et ses identifiants enregistrés ? Les objets du stockage ne sont pas modifiés.</translation>
    </message>
    <message>
      <source>Testing {connection}…</source>
      <translation>Test de {connection}…</translation>
    </message>
    <message>
      <source>Testing connection {connection}</source>
      <translation>Test de la connexion {connection}</translation>
    </message>
    <message>
      <source>Export connections</source>
      <translation>Exporter les connexions</translation>
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <source>Exported {count} connections (without secrets) to {path}.</source>
      <translation>{count} connexions exportées (sans les secrets) vers {path}.</translation>
    </message>
    <message>
      <source>Import connections</source>
      <translation>Importer des connexions</translation>
    </message>
    <message>
      <source>Imported {names}. Edit each one to enter its credentials.</source>
      <translation>Importé(s) : {names}. Modifiez chacune pour saisir ses identifiants.</translation>
    </message>
    <message>
      <source>Import OpenStack credentials</source>
      <translation>Importer des identifiants OpenStack</translation>
    </message>
    <message>
      <source>openrc or clouds.yaml (*.sh *.yaml *.yml *openrc*);;All files (*)</source>
      <translation>openrc ou clouds.yaml (*.sh *.yaml *.yml *openrc*);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>QGIS was started without OpenStack variables (OS_AUTH_URL, or SWIFT_STORAGE_URL and SWIFT_AUTH_TOKEN). Source your openrc file before starting QGIS, or import the file itself.</source>
      <translation>QGIS a été démarré sans variables OpenStack (OS_AUTH_URL, ou SWIFT_STORAGE_URL et SWIFT_AUTH_TOKEN). Chargez votre fichier openrc (commande source) avant de démarrer QGIS, ou importez le fichier lui-même.</translation>
    </message>
    <message>
      <source>Imported {names}. Edit {missing} to enter the missing secret.</source>
      <translation>Importé(s) : {names}. Modifiez {missing} pour saisir le secret manquant.</translation>
    </message>
    <message>
      <source>Imported {names}.</source>
      <translation>Importé(s) : {names}.</translation>
    </message>
    <message>
      <source>Enter the secret of {user} for '{connection}' ({secret}). Cogport keeps it in the QGIS authentication database.</source>
      <translation>Saisissez le secret de {user} pour « {connection} » ({secret}). Cogport le conserve dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Enter the secret for '{connection}' ({secret}). Cogport keeps it in the QGIS authentication database.</source>
      <translation>Saisissez le secret pour « {connection} » ({secret}). Cogport le conserve dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>OpenStack credentials</source>
      <translation>Identifiants OpenStack</translation>
    </message>
    <message>
      <source>No connection yet: press + to add one (S3, S3-compatible, Swift or GCS).</source>
      <translation>Aucune connexion pour l'instant : cliquez sur + pour en ajouter une (S3, compatible S3, Swift ou GCS).</translation>
    </message>
    <message>
      <source>Listing buckets of {connection}…</source>
      <translation>Listage des buckets de {connection}…</translation>
    </message>
    <message>
      <source>Listing buckets of {connection}</source>
      <translation>Listage des buckets de {connection}</translation>
    </message>
    <message>
      <source>{count} container in {connection}.</source>
      <translation>{count} conteneur dans {connection}.</translation>
    </message>
    <message>
      <source>{count} containers in {connection}.</source>
      <translation>{count} conteneurs dans {connection}.</translation>
    </message>
    <message>
      <source>{count} bucket in {connection}.</source>
      <translation>{count} bucket dans {connection}.</translation>
    </message>
    <message>
      <source>{count} buckets in {connection}.</source>
      <translation>{count} buckets dans {connection}.</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>Listing {uri}</source>
      <translation>Listage de {uri}</translation>
    </message>
    <message>
      <source>Load more… ({shown} shown)</source>
      <translation>Charger plus… ({shown} affichés)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(vide)</translation>
    </message>
    <message>
      <source>{uri}: {count} item.</source>
      <translation>{uri} : {count} élément.</translation>
    </message>
    <message>
      <source>{uri}: {count} items.</source>
      <translation>{uri} : {count} éléments.</translation>
    </message>
    <message>
      <source>{uri}: {count} item, more available.</source>
      <translation>{uri} : {count} élément, d'autres sont disponibles.</translation>
    </message>
    <message>
      <source>{uri}: {count} items, more available.</source>
      <translation>{uri} : {count} éléments, d'autres sont disponibles.</translation>
    </message>
    <message>
      <source>“{text}” in {folder}</source>
      <translation>« {text} » dans {folder}</translation>
    </message>
    <message>
      <source>No bucket to search yet.</source>
      <translation>Aucun bucket à parcourir pour l'instant.</translation>
    </message>
    <message>
      <source>Searching the first {count} buckets; select a bucket or folder to search it.</source>
      <translation>Recherche dans les {count} premiers buckets ; sélectionnez un bucket ou un dossier pour y chercher.</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Recherche…</translation>
    </message>
    <message>
      <source>Searching {folder} for “{text}”</source>
      <translation>Recherche de « {text} » dans {folder}</translation>
    </message>
    <message>
      <source>Search further… ({found} found, {searched} objects searched)</source>
      <translation>Chercher plus loin… ({found} résultat(s), {searched} objets parcourus)</translation>
    </message>
    <message>
      <source>(no name holds “{text}”)</source>
      <translation>(aucun nom ne contient « {text} »)</translation>
    </message>
    <message>
      <source>{found} found for “{text}” in {folder} ({searched} objects searched).</source>
      <translation>{found} résultat(s) pour « {text} » dans {folder} ({searched} objets parcourus).</translation>
    </message>
    <message>
      <source>Added {uri} to the map.</source>
      <translation>{uri} ajouté à la carte.</translation>
    </message>
    <message>
      <source>Add to map</source>
      <translation>Ajouter à la carte</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>Cogport buckets</source>
      <translation>Buckets Cogport</translation>
    </message>
    <message>
      <source>Storage connection</source>
      <translation>Connexion de stockage</translation>
    </message>
    <message>
      <source>New connection…</source>
      <translation>Nouvelle connexion…</translation>
    </message>
    <message>
      <source>Edit connection…</source>
      <translation>Modifier la connexion…</translation>
    </message>
    <message>
      <source>Test, export or import connections</source>
      <translation>Tester, exporter ou importer des connexions</translation>
    </message>
    <message>
      <source>Search names…</source>
      <translation>Rechercher des noms…</translation>
    </message>
    <message>
      <source>Lists the objects whose names hold this text, at any depth, in the selected folders (or the buckets), on the server</source>
      <translation>Liste, sur le serveur, les objets dont le nom contient ce texte, à toute profondeur, dans les dossiers sélectionnés (ou les buckets)</translation>
    </message>
    <message>
      <source>Refresh (reload from the store)</source>
      <translation>Actualiser (recharger depuis le stockage)</translation>
    </message>
    <message>
      <source>Add by URI: s3://bucket/key.tif, gs://…, /vsiswift/…</source>
      <translation>Ajouter par URI : s3://bucket/clé.tif, gs://…, /vsiswift/…</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
  </context>
  <context>
    <name>PrefixItem</name>
    <message>
      <source>First {count} entries shown; the Cogport buckets dock pages through all.</source>
      <translation>{count} premières entrées affichées ; le panneau Buckets Cogport les parcourt toutes page par page.</translation>
    </message>
  </context>
  <context>
    <name>ConnectionDialog</name>
    <message>
      <source>HMAC access ID</source>
      <translation>ID d'accès HMAC</translation>
    </message>
    <message>
      <source>HMAC secret</source>
      <translation>Secret HMAC</translation>
    </message>
    <message>
      <source>e.g. GRA</source>
      <translation>par ex. GRA</translation>
    </message>
    <message>
      <source>e.g. eu-central-1</source>
      <translation>par ex. eu-central-1</translation>
    </message>
    <message>
      <source>Endpoint (optional)</source>
      <translation>Point de terminaison (facultatif)</translation>
    </message>
    <message>
      <source>Endpoint</source>
      <translation>Point de terminaison</translation>
    </message>
    <message>
      <source>Amazon S3 when empty; else host[:port] of the store</source>
      <translation>Amazon S3 si vide ; sinon hôte[:port] du stockage</translation>
    </message>
    <message>
      <source>storage.googleapis.com when empty</source>
      <translation>storage.googleapis.com si vide</translation>
    </message>
    <message>
      <source>host[:port], e.g. s3.gra.io.cloud.ovh.net</source>
      <translation>hôte[:port], par ex. s3.gra.io.cloud.ovh.net</translation>
    </message>
    <message>
      <source>Testing connection {name}</source>
      <translation>Test de la connexion {name}</translation>
    </message>
    <message>
      <source>(unnamed)</source>
      <translation>(sans nom)</translation>
    </message>
    <message>
      <source>The server's certificate is trusted because you accepted it, not because a CA vouches for it.</source>
      <translation>Le certificat du serveur est approuvé parce que vous l'avez accepté, et non parce qu'une autorité de certification le garantit.</translation>
    </message>
    <message>
      <source>Warning: no certificate authority QGIS trusts vouches for this server. Cogport will trust the certificate with SHA-256 fingerprint {fingerprint} for this connection only, so whoever holds that certificate's key can read and change what this connection sends and receives. Check the fingerprint with the server's administrator; better, add the server's certificate authority in {settings}.</source>
      <translation>Avertissement : aucune autorité de certification à laquelle QGIS fait confiance ne se porte garante de ce serveur. Cogport fera confiance au certificat d'empreinte SHA-256 {fingerprint} pour cette connexion uniquement : quiconque détient la clé de ce certificat peut donc lire et modifier ce que cette connexion envoie et reçoit. Vérifiez l'empreinte auprès de l'administrateur du serveur ; mieux, ajoutez l'autorité de certification du serveur dans {settings}.</translation>
    </message>
    <message>
      <source>Fetching the certificate of {url}</source>
      <translation>Récupération du certificat de {url}</translation>
    </message>
    <message>
      <source>Cogport storage connection</source>
      <translation>Connexion de stockage Cogport</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>e.g. Project rasters on OVH</source>
      <translation>par ex. Rasters du projet sur OVH</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>Stockage</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Authentification</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Région</translation>
    </message>
    <message>
      <source>HTTPS</source>
      <translation>HTTPS</translation>
    </message>
    <message>
      <source>Path-style addressing (host/bucket)</source>
      <translation>Adressage par chemin (hôte/bucket)</translation>
    </message>
    <message>
      <source>Auth URL</source>
      <translation>URL d'authentification</translation>
    </message>
    <message>
      <source>https://auth.cloud.ovh.net/v3, or an auth v1 URL</source>
      <translation>https://auth.cloud.ovh.net/v3, ou une URL d'authentification v1</translation>
    </message>
    <message>
      <source>Storage URL</source>
      <translation>URL de stockage</translation>
    </message>
    <message>
      <source>https://storage.example.com/v1/AUTH_account</source>
      <translation>https://storage.example.com/v1/AUTH_account</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Projet</translation>
    </message>
    <message>
      <source>User domain</source>
      <translation>Domaine de l'utilisateur</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>Par défaut</translation>
    </message>
    <message>
      <source>Project domain</source>
      <translation>Domaine du projet</translation>
    </message>
    <message>
      <source>Project ID</source>
      <translation>ID du projet</translation>
    </message>
    <message>
      <source>instead of the project name and domain</source>
      <translation>au lieu du nom et du domaine du projet</translation>
    </message>
    <message>
      <source>User ID</source>
      <translation>ID de l'utilisateur</translation>
    </message>
    <message>
      <source>instead of the user name and domain</source>
      <translation>au lieu du nom et du domaine de l'utilisateur</translation>
    </message>
    <message>
      <source>User domain ID</source>
      <translation>ID du domaine de l'utilisateur</translation>
    </message>
    <message>
      <source>instead of the user domain name</source>
      <translation>au lieu du nom du domaine de l'utilisateur</translation>
    </message>
    <message>
      <source>Project domain ID</source>
      <translation>ID du domaine du projet</translation>
    </message>
    <message>
      <source>instead of the project domain name</source>
      <translation>au lieu du nom du domaine du projet</translation>
    </message>
    <message>
      <source>Endpoint interface</source>
      <translation>Interface du point de terminaison</translation>
    </message>
    <message>
      <source>Access key ID</source>
      <translation>ID de clé d'accès</translation>
    </message>
    <message>
      <source>Secret key</source>
      <translation>Clé secrète</translation>
    </message>
    <message>
      <source>Session token</source>
      <translation>Jeton de session</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>facultatif</translation>
    </message>
    <message>
      <source>Service-account key</source>
      <translation>Clé de compte de service</translation>
    </message>
    <message>
      <source>Paste the JSON key file downloaded from the Google Cloud console</source>
      <translation>Collez le fichier de clé JSON téléchargé depuis la console Google Cloud</translation>
    </message>
    <message>
      <source>Buckets</source>
      <translation>Buckets</translation>
    </message>
    <message>
      <source>comma-separated; needed where the store cannot list buckets</source>
      <translation>séparés par des virgules ; nécessaire quand le stockage ne peut pas lister les buckets</translation>
    </message>
    <message>
      <source>Keys, passwords and tokens are stored only in the QGIS authentication database, never in settings, projects or exports.</source>
      <translation>Les clés, mots de passe et jetons sont stockés uniquement dans la base de données d'authentification de QGIS, jamais dans les paramètres, les projets ou les exports.</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Tester la connexion</translation>
    </message>
    <message>
      <source>Accept this server's certificate for this connection</source>
      <translation>Accepter le certificat de ce serveur pour cette connexion</translation>
    </message>
  </context>
  <context>
    <name>RemoteLayers</name>
    <message>
      <source>'{uri}' could not be opened through connection '{connection}' (bucket '{bucket}'):</source>
      <translation>Impossible d'ouvrir « {uri} » via la connexion « {connection} » (bucket « {bucket} ») :</translation>
    </message>
    <message>
      <source>the bucket answers, the object is no raster.</source>
      <translation>le bucket répond, mais l'objet n'est pas un raster.</translation>
    </message>
    <message>
      <source>that the object exists and is a GeoTIFF/COG.</source>
      <translation>que l'objet existe et qu'il s'agit d'un GeoTIFF/COG.</translation>
    </message>
  </context>
  <context>
    <name>PrefetchOptionsPage</name>
    <message>
      <source>Prefetch around the view</source>
      <translation>Préchargement autour de la vue</translation>
    </message>
    <message>
      <source>While you look at a remote layer, Cogport reads what your next pan or zoom most likely needs, so the next view appears without waiting. It stops as soon as the view changes. While it is on, QGIS's own previews of the neighbouring views are paused for maps showing a Cogport remote layer.</source>
      <translation>Pendant que vous regardez une couche distante, Cogport lit ce dont votre prochain déplacement ou zoom aura le plus probablement besoin, pour que la vue suivante s'affiche sans attendre. Il s'arrête dès que la vue change. Tant qu'il est actif, les aperçus des vues voisines que QGIS calcule lui-même sont suspendus pour les cartes qui montrent une couche distante Cogport.</translation>
    </message>
    <message>
      <source>At most, per pause</source>
      <translation>Au plus, par pause</translation>
    </message>
    <message>
      <source> MB</source>
      <translation> Mo</translation>
    </message>
    <message>
      <source>For at most, per pause</source>
      <translation>Pendant au plus, par pause</translation>
    </message>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
  </context>
  <context>
    <name>RunOnWidget</name>
    <message>
      <source>Run on</source>
      <translation>Exécuter sur</translation>
    </message>
    <message>
      <source>Dask scheduler address, e.g. tcp://host:8786</source>
      <translation>Adresse de l'ordonnanceur Dask, par ex. tcp://hôte:8786</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>Tester</translation>
    </message>
    <message>
      <source>Connect to the scheduler and list its workers: cores, memory, Python and GDAL</source>
      <translation>Se connecter à l'ordonnanceur et lister ses workers : cœurs, mémoire, Python et GDAL</translation>
    </message>
  </context>
</TS>
