<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>Cogport</name>
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
      <source>Register Sentinel Hub BYOC tiles</source>
      <translation>Déclarer des tuiles Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Registers tiles in a Sentinel Hub BYOC collection and outputs them as a layer with their status.

COLLECTION is a collection id or an exact name; with CREATE, a missing collection is created for BUCKET. TILE_PATHS holds one tile path per line, relative to the bucket, usually with the (BAND) placeholder, e.g. 2019/11/27/28V/(BAND).tif. SENSING_TIME_PATTERN reads the sensing time from each path: a strftime pattern (%Y/%m/%d) or a regular expression with named groups year, month, day (and hour, minute, second, or doy). Tiles already in the collection are reported and not sent again, so a re-run resumes. With WAIT, the status is polled until every tile is INGESTED or FAILED; failure causes are reported.

CONNECTION names a connection saved in the Sentinel Hub BYOC panel. When empty, the OAuth client comes from SH_CLIENT_ID and SH_CLIENT_SECRET, the service from COGPORT_SH_BASE_URL (default https://services.sentinel-hub.com) and COGPORT_SH_TOKEN_URL (default: the deployment's token URL).</source>
      <translation>Déclare des tuiles dans une collection Sentinel Hub BYOC et les fournit en sortie sous forme de couche avec leur état.

COLLECTION est un ID de collection ou un nom exact ; avec CREATE, une collection absente est créée pour BUCKET. TILE_PATHS contient un chemin de tuile par ligne, relatif au bucket, généralement avec le marqueur (BAND), par ex. 2019/11/27/28V/(BAND).tif. SENSING_TIME_PATTERN lit la date d'acquisition dans chaque chemin : un motif strftime (%Y/%m/%d) ou une expression régulière avec les groupes nommés year, month, day (et hour, minute, second, ou doy). Les tuiles déjà présentes dans la collection sont signalées et ne sont pas envoyées à nouveau : une nouvelle exécution reprend donc là où la précédente s'est arrêtée. Avec WAIT, l'état est interrogé jusqu'à ce que chaque tuile soit INGESTED ou FAILED ; les causes d'échec sont signalées.

CONNECTION désigne une connexion enregistrée dans le panneau Sentinel Hub BYOC. Si vide, le client OAuth provient de SH_CLIENT_ID et SH_CLIENT_SECRET, et le service de COGPORT_SH_BASE_URL (par défaut https://services.sentinel-hub.com) et COGPORT_SH_TOKEN_URL (par défaut : l'URL du jeton du déploiement).</translation>
    </message>
    <message>
      <source>List Sentinel Hub BYOC tiles</source>
      <translation>Lister les tuiles Sentinel Hub BYOC</translation>
    </message>
    <message>
      <source>Lists the tiles of a BYOC collection (id or exact name) as footprints in EPSG:4326 with path, status, sensing time, creation time and failure cause; STATUS keeps only tiles in that state.

CONNECTION names a connection saved in the Sentinel Hub BYOC panel. When empty, the OAuth client comes from SH_CLIENT_ID and SH_CLIENT_SECRET, the service from COGPORT_SH_BASE_URL (default https://services.sentinel-hub.com) and COGPORT_SH_TOKEN_URL (default: the deployment's token URL).</source>
      <translation>Liste les tuiles d'une collection BYOC (ID ou nom exact) sous forme d'emprises en EPSG:4326, avec chemin, état, date d'acquisition, date de création et cause d'échec ; STATUS ne garde que les tuiles dans cet état.

CONNECTION désigne une connexion enregistrée dans le panneau Sentinel Hub BYOC. Si vide, le client OAuth provient de SH_CLIENT_ID et SH_CLIENT_SECRET, et le service de COGPORT_SH_BASE_URL (par défaut https://services.sentinel-hub.com) et COGPORT_SH_TOKEN_URL (par défaut : l'URL du jeton du déploiement).</translation>
    </message>
    <message>
      <source>Convert to COG</source>
      <translation>Convertir en COG</translation>
    </message>
    <message>
      <source>Converts a raster to a Cloud Optimized GeoTIFF laid out for the chosen target. Lossless unless you pick a lossy compression: full-resolution pixels equal the source's (the web profile reprojects and so resamples). CRS, geotransform, nodata, band descriptions, colour table and metadata are kept. The file appears only once complete; cancelling leaves nothing behind.

Profiles:
{profiles}

COMPRESS: empty keeps the profile's compression (e.g. DEFLATE, ZSTD, LZW; JPEG is refused by byoc). BLOCKSIZE: 0 keeps the profile's tile size (earthengine and byoc allow 256, 512, 1024, 2048). SPLIT_BANDS: one single-band COG per band beside OUTPUT, named &lt;stem&gt;_B01.tif, &lt;stem&gt;_B02.tif, … (or put (BAND) in the output name); OUTPUT then returns the first band's file and OUTPUTS lists them all.</source>
      <translation>Convertit un raster en Cloud Optimized GeoTIFF structuré pour la cible choisie. Sans perte, sauf si vous choisissez une compression avec perte : les pixels en pleine résolution sont identiques à ceux de la source (le profil web reprojette et donc rééchantillonne). Le SCR, la géotransformation, la valeur nodata, les descriptions de bandes, la table de couleurs et les métadonnées sont conservés. Le fichier n'apparaît qu'une fois terminé ; une annulation ne laisse rien derrière elle.

Profils :
{profiles}

COMPRESS : si vide, conserve la compression du profil (par ex. DEFLATE, ZSTD, LZW ; JPEG est refusé par byoc). BLOCKSIZE : 0 conserve la taille de tuile du profil (earthengine et byoc acceptent 256, 512, 1024, 2048). SPLIT_BANDS : un COG mono-bande par bande à côté de OUTPUT, nommé &lt;stem&gt;_B01.tif, &lt;stem&gt;_B02.tif, … (ou mettez (BAND) dans le nom de sortie) ; OUTPUT renvoie alors le fichier de la première bande et OUTPUTS les liste tous.</translation>
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
      <source>Build mosaic of a prefix</source>
      <translation>Construire la mosaïque d'un préfixe</translation>
    </message>
    <message>
      <source>List bucket objects</source>
      <translation>Lister les objets d'un bucket</translation>
    </message>
    <message>
      <source>Open remote raster</source>
      <translation>Ouvrir un raster distant</translation>
    </message>
    <message>
      <source>Upload to bucket</source>
      <translation>Téléverser vers un bucket</translation>
    </message>
    <message>
      <source>Uploads a local file to S3 (or an S3-compatible store), OpenStack Swift or Google Cloud Storage, checking its size and checksum afterwards. A cancelled or failed upload leaves nothing behind.

DESTINATION: s3://bucket/key, /vsis3/bucket/key, /vsiswift/container/key, gs://bucket/key or /vsigs/bucket/key. A destination ending in '/' means that prefix plus the file's name.
CONNECTION: name of a Cogport storage connection; leave it empty to use GDAL's own credentials (AWS_*, GS_*, SWIFT_* settings, ~/.aws…).
OVERWRITE: replace an existing object; otherwise an existing object stops the upload.
VALID: in a model, connect the VALID output of 'Validate COG' to upload only valid COGs.

Output URI: the uploaded object.</source>
      <translation>Téléverse un fichier local vers S3 (ou un stockage compatible S3), OpenStack Swift ou Google Cloud Storage, puis vérifie sa taille et sa somme de contrôle. Un téléversement annulé ou en échec ne laisse rien derrière lui.

DESTINATION : s3://bucket/clé, /vsis3/bucket/clé, /vsiswift/conteneur/clé, gs://bucket/clé ou /vsigs/bucket/clé. Une destination terminée par « / » désigne ce préfixe suivi du nom du fichier.
CONNECTION : nom d'une connexion de stockage Cogport ; laissez vide pour utiliser les identifiants propres à GDAL (paramètres AWS_*, GS_*, SWIFT_*, ~/.aws…).
OVERWRITE : remplacer un objet existant ; sinon, un objet existant arrête le téléversement.
VALID : dans un modèle, connectez la sortie VALID de « Valider un COG » pour ne téléverser que les COG valides.

URI en sortie : l'objet téléversé.</translation>
    </message>
    <message>
      <source>Validate COG</source>
      <translation>Valider un COG</translation>
    </message>
    <message>
      <source>Checks whether a TIFF (local path, /vsis3/, /vsiswift/, /vsigs/ path, or s3:// or gs:// URI) is a valid Cloud Optimized GeoTIFF for the chosen target, reading only the file's header.

Profiles: generic (GDAL's COG layout rules), earthengine (Earth Engine COG-backed assets), byoc (Sentinel Hub Bring Your Own COG), web (web maps in EPSG:3857).

Outputs VALID (no errors), the ERRORS and WARNINGS counts and, optionally, a JSON report {path, profile, valid, findings:[{code, severity, message, fix}], bytes_read}.</source>
      <translation>Vérifie si un TIFF (chemin local, chemin /vsis3/, /vsiswift/ ou /vsigs/, ou URI s3:// ou gs://) est un Cloud Optimized GeoTIFF valide pour la cible choisie, en ne lisant que l'en-tête du fichier.

Profils : generic (règles de structure COG de GDAL), earthengine (éléments Earth Engine adossés à des COG), byoc (Sentinel Hub Bring Your Own COG), web (cartes web en EPSG:3857).

Sorties : VALID (aucune erreur), ERRORS et WARNINGS (nombres d'erreurs et d'avertissements) et, en option, un rapport JSON {path, profile, valid, findings:[{code, severity, message, fix}], bytes_read}.</translation>
    </message>
    <message>
      <source>{name} footprints</source>
      <translation>Emprises de {name}</translation>
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
  </context>
  <context>
    <name>BrowserDock</name>
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
      <source>Remove connection</source>
      <translation>Retirer la connexion</translation>
    </message>
    <message>
      <source>Test, export or import connections</source>
      <translation>Tester, exporter ou importer des connexions</translation>
    </message>
    <message>
      <source>Filter names…</source>
      <translation>Filtrer les noms…</translation>
    </message>
    <message>
      <source>Refresh (reload from the store)</source>
      <translation>Actualiser (recharger depuis le stockage)</translation>
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
      <source>Add by URI: s3://bucket/key.tif, gs://…, /vsiswift/…</source>
      <translation>Ajouter par URI : s3://bucket/clé.tif, gs://…, /vsiswift/…</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Add to map</source>
      <translation>Ajouter à la carte</translation>
    </message>
  </context>
  <context>
    <name>ByocConnectionDialog</name>
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
  </context>
  <context>
    <name>ByocDock</name>
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
      <source>No collection selected.</source>
      <translation>Aucune collection sélectionnée.</translation>
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
    <name>ConnectionDialog</name>
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
      <source>Endpoint</source>
      <translation>Point de terminaison</translation>
    </message>
    <message>
      <source>host[:port], e.g. s3.gra.io.cloud.ovh.net</source>
      <translation>hôte[:port], par ex. s3.gra.io.cloud.ovh.net</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Région</translation>
    </message>
    <message>
      <source>e.g. eu-central-1</source>
      <translation>par ex. eu-central-1</translation>
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
      <source>https://auth.example.com/auth/v1.0 or …/v3</source>
      <translation>https://auth.example.com/auth/v1.0 ou …/v3</translation>
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
  </context>
  <context>
    <name>ConvertDialog</name>
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
      <source>Convert</source>
      <translation>Convertir</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>EarthEngineConnectionDialog</name>
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
      <source>ya29.…  (leave empty to keep the saved token)</source>
      <translation>ya29.…  (laissez vide pour conserver le jeton enregistré)</translation>
    </message>
    <message>
      <source>A service-account JSON key. Cogport signs it into tokens as needed; the key is stored in the QGIS authentication database only. The service account must be registered for Earth Engine and may read the bucket.</source>
      <translation>Une clé JSON de compte de service. Cogport s'en sert pour signer des jetons au besoin ; la clé est stockée uniquement dans la base de données d'authentification de QGIS. Le compte de service doit être inscrit à Earth Engine et avoir le droit de lire le bucket.</translation>
    </message>
    <message>
      <source>Paste the key JSON, or load it from a file (leave empty to keep the saved key)</source>
      <translation>Collez la clé JSON ou chargez-la depuis un fichier (laissez vide pour conserver la clé enregistrée)</translation>
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
      <source>color: #b00020;</source>
      <translation>color: #b00020;</translation>
    </message>
  </context>
  <context>
    <name>EarthEngineDialog</name>
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
      <source>Severity</source>
      <translation>Gravité</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Vérifier</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Constat</translation>
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
      <source>Register</source>
      <translation>Déclarer</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
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
    <name>PublishDock</name>
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
      <source>Keep converted copies (saved next to their sources)</source>
      <translation>Conserver les copies converties (enregistrées à côté de leurs sources)</translation>
    </message>
    <message>
      <source>Then register the uploaded COGs (Earth Engine for gs://, BYOC for s3://)</source>
      <translation>Puis déclarer les COG téléversés (Earth Engine pour gs://, BYOC pour s3://)</translation>
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
    <name>ValidationDialog</name>
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
</TS>
