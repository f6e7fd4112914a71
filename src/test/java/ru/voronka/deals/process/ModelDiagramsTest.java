package ru.voronka.deals.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every model opens in Camunda Modeler as a drawn diagram for this engine: each flow node has a
 * shape, each sequence flow an edge, each decision a DRD shape, and the file names the Camunda 7
 * version it runs on. (CI also runs bpmnlint with Camunda's 7.24 rules: .ci/models.)
 */
class ModelDiagramsTest {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  static Stream<Path> processes() throws IOException {
    return models(Path.of("processes"), ".bpmn");
  }

  static Stream<Path> decisions() throws IOException {
    return models(Path.of("dmn"), ".dmn");
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyFlowNodeAndSequenceFlowIsDrawn(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));

    Set<String> undrawn = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> addIfMissing(undrawn, drawn, node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> addIfMissing(undrawn, drawn, flow.getId()));
    assertTrue(undrawn.isEmpty(), file + " has elements without a diagram shape: " + undrawn);
  }

  @ParameterizedTest
  @MethodSource("processes")
  void processesNameTheEngineTheyRunOn(Path file) throws Exception {
    assertRunsOnThisEngine(file);
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void everyDecisionIsDrawnAndNamesTheEngine(Path file) throws Exception {
    Document dmn = parse(file);
    Set<String> drawn = elements(dmn, DMNDI_NS, "DMNShape").stream()
        .map(shape -> shape.getAttribute("dmnElementRef")).collect(Collectors.toSet());
    List<Element> decisions = elements(dmn, DMN_NS, "decision");
    assertFalse(decisions.isEmpty(), file + " has no decision");
    decisions.forEach(decision -> assertTrue(drawn.contains(decision.getAttribute("id")),
        file + ": decision " + decision.getAttribute("id") + " is not drawn in the DRD"));
    assertRunsOnThisEngine(file);
  }

  private static void assertRunsOnThisEngine(Path file) throws Exception {
    Element root = parse(file).getDocumentElement();
    assertEquals("Camunda Platform", root.getAttributeNS(MODELER_NS, "executionPlatform"), file.toString());
    assertEquals(engineVersion(), root.getAttributeNS(MODELER_NS, "executionPlatformVersion"), file.toString());
  }

  /** "7.24.0" from the engine on the classpath, so an upgrade reminds us to re-check the models. */
  private static String engineVersion() {
    String version = ProcessEngine.class.getPackage().getImplementationVersion();
    return version == null ? "7.24.0" : version.replaceAll("-.*", "");
  }

  private static void addIfMissing(Set<String> undrawn, Set<String> drawn, String id) {
    if (!drawn.contains(id)) {
      undrawn.add(id);
    }
  }

  private static Stream<Path> models(Path folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList().stream();
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> elements(Document document, String namespace, String name) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, name);
    return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
  }
}
