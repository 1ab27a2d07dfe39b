from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingProvider,
)

LOG = []


class Alg(QgsProcessingAlgorithm):
    def name(self):
        return "e"

    def displayName(self):
        return "e"

    def createInstance(self):
        return Alg()

    def initAlgorithm(self, config=None):
        p = QgsProcessingParameterEnum("PROFILE", "P", options=["generic", "byoc"], defaultValue="generic")
        p.setUsesStaticStrings(True)
        self.addParameter(p)
        self.addOutput(QgsProcessingOutputString("OUT", "o"))

    def checkParameterValues(self, parameters, context):
        LOG.append(("check", dict(parameters)))
        fixed = dict(parameters)
        if isinstance(fixed.get("PROFILE"), int):
            fixed["PROFILE"] = ["generic", "byoc"][fixed["PROFILE"]]
        return super().checkParameterValues(fixed, context)

    def processAlgorithm(self, parameters, context, feedback):
        LOG.append(("process", dict(parameters)))
        return {"OUT": str(parameters.get("PROFILE"))}


class Prov(QgsProcessingProvider):
    def id(self):
        return "scratch"

    def name(self):
        return "scratch"

    def loadAlgorithms(self):
        self.addAlgorithm(Alg())


def test_it(qgis_processing):
    import processing

    reg = QgsApplication.processingRegistry()
    reg.addProvider(Prov())
    print(processing.run("scratch:e", {"PROFILE": "byoc"}))
    try:
        print(processing.run("scratch:e", {"PROFILE": 1}))
    except Exception as e:
        print("int fails:", e)
    model = QgsProcessingModelAlgorithm("m", "g")
    child = QgsProcessingModelChildAlgorithm("scratch:e")
    child.setChildId("c")
    child.addParameterSources("PROFILE", [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    model.addChildAlgorithm(child)
    print(LOG)
    LOG.clear()
    try:
        print(processing.run(model, {}))
    except Exception as e:
        print("model int fails:", e)
    print(LOG)
    assert 0
