"""Field types for QgsField on every supported QGIS: QMetaType types from 3.38 (and on Qt 6), QVariant before."""

from qgis.core import Qgis

if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    TEXT = QMetaType.Type.QString
    INTEGER64 = QMetaType.Type.LongLong
else:  # QGIS 3.22 to 3.36 accept only QVariant types, which Qt 6 no longer has
    from qgis.PyQt.QtCore import QVariant

    TEXT = QVariant.String
    INTEGER64 = QVariant.LongLong
