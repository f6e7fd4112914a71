// Draws the diagrams (BPMNDI) of the given BPMN files in place; the process semantics are untouched.
//
//   npm run layout        (after changing a model's flow by hand rather than in Camunda Modeler)
//
// bpmn-auto-layout lays a process out on a grid. Two things are added around it:
//  - every sub-process is drawn expanded, so a funnel stage shows its tasks on the main canvas
//    (the library draws a sub-process expanded when the input already has an expanded shape for it);
//  - a flow that would cut through other shapes (the funnel's "start at stage X" flows, the
//    "invoice only" skip over the contract stage) is routed over a bus above its siblings instead.
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import fs from 'fs';

const BUS_GAP = 18;

for (const file of process.argv.slice(2)) {
  const original = fs.readFileSync(file, 'utf8');
  const laidOut = await layoutProcess(withExpandedSubProcesses(original));
  fs.writeFileSync(file, await routeAroundShapes(laidOut));
  console.log('laid out', file);
}

function withExpandedSubProcesses(xml) {
  const withoutDi = xml.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>\s*/, '');
  const processId = /<bpmn:process id="([^"]+)"/.exec(withoutDi)[1];
  const shapes = [ ...withoutDi.matchAll(/<bpmn:subProcess id="([^"]+)"/g) ]
    .map(([ , id ]) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}" isExpanded="true">`
      + '<dc:Bounds x="0" y="0" width="100" height="80" /></bpmndi:BPMNShape>')
    .join('');
  if (!shapes) return withoutDi;
  return withoutDi.replace('</bpmn:definitions>',
    `<bpmndi:BPMNDiagram id="Seed"><bpmndi:BPMNPlane id="SeedPlane" bpmnElement="${processId}">`
    + `${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`);
}

async function routeAroundShapes(xml) {
  const moddle = new BpmnModdle();
  const { rootElement: definitions } = await moddle.fromXML(xml);
  const planeElements = definitions.diagrams[0].plane.planeElement;
  const shapeOf = new Map(planeElements.filter(di => di.$type === 'bpmndi:BPMNShape')
    .map(di => [ di.bpmnElement, di ]));
  const edges = planeElements.filter(di => di.$type === 'bpmndi:BPMNEdge');

  const lanesByContainer = new Map();
  for (const edge of edges) {
    const flow = edge.bpmnElement;
    const container = flow.$parent;
    const siblings = container.flowElements.filter(el => shapeOf.has(el) && el !== flow.sourceRef
      && el !== flow.targetRef && !isBoundaryOf(el, flow.sourceRef) && !isBoundaryOf(el, flow.targetRef));
    const blocked = siblings.some(el => crosses(edge.waypoint, shapeOf.get(el).bounds));
    if (!blocked) continue;

    // One bus lane per source element, stacked upwards from the tops of the container's children.
    const lanes = lanesByContainer.get(container) || new Map();
    lanesByContainer.set(container, lanes);
    if (!lanes.has(flow.sourceRef)) lanes.set(flow.sourceRef, lanes.size);
    const childrenTop = Math.min(...container.flowElements
      .filter(el => shapeOf.has(el) && !el.attachedToRef).map(el => shapeOf.get(el).bounds.y));
    const busY = childrenTop - BUS_GAP * (lanes.get(flow.sourceRef) + 1);

    const source = shapeOf.get(flow.sourceRef).bounds;
    const target = shapeOf.get(flow.targetRef).bounds;
    const sourceX = source.x + source.width / 2;
    const targetX = target.x + Math.min(40 + 20 * lanes.get(flow.sourceRef), target.width / 2);
    edge.waypoint = [
      point(moddle, sourceX, source.y),
      point(moddle, sourceX, busY),
      point(moddle, targetX, busY),
      point(moddle, targetX, target.y)
    ];
    if (flow.name) {
      // The name sits where the flow drops into its target, not in the middle of a long bus.
      const bounds = moddle.create('dc:Bounds', { x: targetX + 4, y: busY - 15, width: 90, height: 14 });
      edge.label = moddle.create('bpmndi:BPMNLabel', { bounds });
    }
  }
  return (await moddle.toXML(definitions, { format: true })).xml;
}

function isBoundaryOf(element, host) {
  return element.attachedToRef === host;
}

function crosses(waypoints, box, margin = 2) {
  for (let i = 0; i + 1 < waypoints.length; i++) {
    const [ a, b ] = [ waypoints[i], waypoints[i + 1] ];
    if (Math.min(a.x, b.x) < box.x + box.width - margin && Math.max(a.x, b.x) > box.x + margin
      && Math.min(a.y, b.y) < box.y + box.height - margin && Math.max(a.y, b.y) > box.y + margin) {
      return true;
    }
  }
  return false;
}

function point(moddle, x, y) {
  return moddle.create('dc:Point', { x, y });
}
