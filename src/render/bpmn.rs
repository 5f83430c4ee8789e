//! BPMN 2.0 XML export with full diagram interchange (BPMNDI), so that
//! bpmn.io and Camunda Modeler open the SOP and `bpmnlint:recommended`
//! accepts it.
//!
//! The SOP becomes a collaboration with one participant (the SOP) whose
//! process has one lane per actor, in `actors` order. A `start` step is a
//! start event followed by a task carrying its activity; an `end` step is
//! a task followed by an end event (named after `outcome`), so no activity
//! text is lost; a `process` step is a task (a call activity with
//! `calledElement` for `sub_sop`); a `decision` is an exclusive gateway
//! named by its question, its outgoing flows named by the branch labels;
//! a branch that ends the procedure with an `outcome` leads to an end event
//! of its own, named after the outcome. A step's substitute actors
//! (`alternate`) are named in its documentation.
//!
//! BPMN wants explicit joins: where several arrows enter one step, a
//! converging exclusive gateway is put in front of it (`fake-join`), and a
//! decision entered by several arrows becomes a joining gateway followed
//! by the deciding one (`no-gateway-join-fork`). Defects are kept, not
//! repaired: a dead end stays a task without outgoing flow
//! (`no-implicit-end`), an unreachable step without incoming arrows stays a
//! task without incoming flow (`no-implicit-start`).
//!
//! Layout: every node gets its own column in row order and sits in its
//! actor's lane, centred, in standard sizes (task 100×80, gateway 50×50,
//! event 36×36), so shapes never overlap. Edges are orthogonal: a straight
//! line when nothing stands between source and target in one lane,
//! otherwise out into the gap after the source column, along the free
//! strip at the top of the target lane, and down the gap before the
//! target. Ids are generated from row numbers (`Step_3`), never from user
//! text, so they are always valid XML names.

use std::fmt::Write;

use crate::graph::{EdgeKind, ProcessGraph};
use crate::lang::Lang;
use crate::model::{Sop, Step, StepKind};
use crate::render::escape::html as xml;

const COL_W: i64 = 150;
const LANE_H: i64 = 140;
const POOL_X: i64 = 160;
const POOL_Y: i64 = 80;
/// Width of the participant's name band on its left.
const POOL_BAND: i64 = 30;
/// Width of the lane's name band, left of the first column.
const LANE_BAND: i64 = 30;
/// Distance of the routing strip below a lane's top border.
const STRIP: i64 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Start,
    End,
    Task,
    Call,
    Gateway,
}

impl Shape {
    fn size(self) -> (i64, i64) {
        match self {
            Shape::Start | Shape::End => (36, 36),
            Shape::Task | Shape::Call => (100, 80),
            Shape::Gateway => (50, 50),
        }
    }
}

/// One flow node of the export.
struct Node {
    id: String,
    shape: Shape,
    name: String,
    /// Documentation text (step id and Mutu Baku), if any.
    doc: Option<String>,
    called: Option<String>,
    /// The step has findings (rendered with `--force`): red border.
    marked: bool,
    lane: usize,
    column: i64,
    incoming: Vec<usize>,
    outgoing: Vec<usize>,
}

struct Flow {
    id: String,
    source: usize,
    target: usize,
    name: Option<String>,
}

/// Where a step's arrows attach: the node arrows enter and the node they
/// leave from.
#[derive(Clone, Copy)]
struct Ends {
    entry: usize,
    exit: usize,
}

struct Model {
    nodes: Vec<Node>,
    flows: Vec<Flow>,
    lanes: Vec<String>,
    /// The columns used in each lane, ascending.
    lane_columns: Vec<Vec<i64>>,
}

impl Model {
    fn add(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn connect(&mut self, source: usize, target: usize, name: Option<String>) {
        let f = self.flows.len();
        self.flows.push(Flow { id: format!("Flow_{}", f + 1), source, target, name });
        if let Some(n) = self.nodes.get_mut(source) {
            n.outgoing.push(f);
        }
        if let Some(n) = self.nodes.get_mut(target) {
            n.incoming.push(f);
        }
    }
}

/// The task's documentation: the row number the document prints, the
/// step id, the actors and the Mutu Baku.
fn doc(step: &Step, number: i64, lang: Lang) -> String {
    let l = lang.labels();
    let mut parts =
        vec![format!("{}: {number}", l.no), format!("{}: {}", lang.texts().step_id, step.id_str())];
    if !step.alternate.is_empty() {
        let alt: Vec<&str> = step.alternate.iter().map(|w| w.value.as_str()).collect();
        parts.push(format!("{}: {}", l.alternate, alt.join(", ")));
    }
    if !step.with.is_empty() {
        let with: Vec<&str> = step.with.iter().map(|w| w.value.as_str()).collect();
        parts.push(format!("{}: {}", lang.texts().with, with.join(", ")));
    }
    if let Some(t) = &step.time {
        parts.push(format!("{}: {}", l.time, t.value));
    }
    if let Some(o) = &step.output {
        parts.push(format!("{}: {}", l.output, o.value));
    }
    if step.wait {
        parts.push(l.waiting.to_string());
    }
    parts.join("\n")
}

fn build(sop: &Sop, graph: &ProcessGraph, lang: Lang, marks: &[Vec<&str>]) -> Model {
    let mut lanes: Vec<String> = sop.actors.iter().map(|a| a.display_name().to_string()).collect();
    let mut orphan_lane: Option<usize> = None;
    let mut model =
        Model { nodes: Vec::new(), flows: Vec::new(), lanes: Vec::new(), lane_columns: Vec::new() };
    let mut column: i64 = 0;
    let mut ends: Vec<Ends> = Vec::with_capacity(sop.steps.len());
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let numbers = crate::model::Rows::of(sop);
    // Per step: (branch, end event) of the branches that end the procedure.
    let mut outcomes: Vec<Vec<(usize, usize)>> = Vec::with_capacity(sop.steps.len());
    for (i, step) in sop.steps.iter().enumerate() {
        let row = i + 1;
        let lane = match step.actor.as_ref().and_then(|a| sop.actor_index(&a.value)) {
            Some(l) => l,
            None => *orphan_lane.get_or_insert_with(|| {
                lanes.push(lang.texts().no_actor.to_string());
                lanes.len() - 1
            }),
        };
        let kind = step.kind().unwrap_or(StepKind::Process);
        let activity = match crate::render::step_text::activity(step, lang) {
            "" => step.id_str().to_string(),
            a => a.to_string(),
        };
        let mut next_node = |shape: Shape, id: String, name: String| {
            let n = Node {
                id,
                shape,
                name,
                doc: None,
                called: None,
                marked: false,
                lane,
                column,
                incoming: Vec::new(),
                outgoing: Vec::new(),
            };
            column += 1;
            n
        };
        let arrows_in = graph.predecessors(i).len() + usize::from(kind == StepKind::Start);
        let start_event = (kind == StepKind::Start).then(|| {
            model.add(next_node(
                Shape::Start,
                format!("Start_{row}"),
                lang.texts().start.to_string(),
            ))
        });
        // A join in front when several arrows enter (the start event's
        // arrow counts).
        let join = (arrows_in > 1)
            .then(|| model.add(next_node(Shape::Gateway, format!("Join_{row}"), String::new())));
        let shape = match kind {
            StepKind::Decision => Shape::Gateway,
            _ if step.sub_sop.is_some() => Shape::Call,
            _ => Shape::Task,
        };
        let mut main = next_node(shape, format!("Step_{row}"), activity);
        let mut text = doc(step, numbers.number(i), lang);
        if let Some(codes) = marks.get(i).filter(|c| !c.is_empty()) {
            main.marked = true;
            let label = lang.texts().sopmap_findings;
            let _ = write!(text, "\n{label}: {}", codes.join(", "));
        }
        main.doc = Some(text);
        main.called = step.sub_sop.as_ref().map(|s| s.value.clone());
        let main = model.add(main);
        if let Some(j) = join {
            model.connect(j, main, None);
        }
        let entry = join.unwrap_or(main);
        if let Some(s) = start_event {
            pending.push((s, entry));
        }
        if kind == StepKind::End {
            let name = step
                .outcome
                .as_ref()
                .map_or_else(|| lang.texts().end.to_string(), |o| o.value.clone());
            let end = model.add(next_node(Shape::End, format!("End_{row}"), name));
            model.connect(main, end, None);
        }
        // Branches that end the procedure: an end event each, after the
        // gateway, connected below in branch order.
        let mut outcome_ends = Vec::new();
        for (b, text) in crate::render::lanes::outcome_branches(step) {
            let id = format!("End_{row}_{}", b + 1);
            // An end event needs a name (bpmnlint `label-required`).
            let name = if text.is_empty() { lang.labels().end_capsule } else { text };
            outcome_ends.push((b, model.add(next_node(Shape::End, id, name.to_string()))));
        }
        outcomes.push(outcome_ends);
        ends.push(Ends { entry, exit: main });
    }
    // Arrows in row order of their source, each step's in written order,
    // so flow ids are stable.
    for (s, entry) in pending {
        model.connect(s, entry, None);
    }
    for (i, step) in sop.steps.iter().enumerate() {
        let Some(from) = ends.get(i).map(|e| e.exit) else { continue };
        let label = |b: usize| {
            step.branches
                .get(b)
                .and_then(|br| br.label.as_ref())
                .map(|l| l.value.clone())
                .filter(|l| !l.trim().is_empty())
        };
        // Arrows to steps and to outcome ends, merged in branch order.
        let mut arrows: Vec<(usize, usize, Option<String>)> = Vec::new();
        for (j, edge) in graph.successors(i) {
            let Some(to) = ends.get(j).map(|e| e.entry) else { continue };
            let (order, name) = match edge.kind {
                EdgeKind::Branch(b) => (b + 1, label(b)),
                EdgeKind::Next => (0, None),
            };
            arrows.push((order, to, name));
        }
        for &(b, end) in outcomes.get(i).map_or(&[][..], Vec::as_slice) {
            arrows.push((b + 1, end, label(b)));
        }
        arrows.sort_by_key(|(order, _, _)| *order);
        for (_, to, name) in arrows {
            model.connect(from, to, name);
        }
    }
    model.lane_columns = vec![Vec::new(); lanes.len()];
    for n in &model.nodes {
        if let Some(cols) = model.lane_columns.get_mut(n.lane) {
            cols.push(n.column);
        }
    }
    model.lanes = lanes;
    model
}

struct Geometry {
    columns: i64,
}

impl Geometry {
    fn pool_w(&self) -> i64 {
        POOL_BAND + LANE_BAND + self.columns.max(1) * COL_W + 20
    }

    fn lane_top(lane: usize) -> i64 {
        POOL_Y + i64::try_from(lane).unwrap_or(0) * LANE_H
    }

    fn center(n: &Node) -> (i64, i64) {
        let x = POOL_X + POOL_BAND + LANE_BAND + n.column * COL_W + COL_W / 2;
        (x, Self::lane_top(n.lane) + LANE_H / 2)
    }

    fn bounds(n: &Node) -> (i64, i64, i64, i64) {
        let (cx, cy) = Self::center(n);
        let (w, h) = n.shape.size();
        (cx - w / 2, cy - h / 2, w, h)
    }
}

/// Orthogonal waypoints from `a` to `b`.
/// `lane_k` spreads the flows leaving one node (a decision's branches) over
/// separate vertical and horizontal tracks so they do not draw on top of
/// each other.
fn route(model: &Model, a: &Node, b: &Node, lane_k: usize) -> Vec<(i64, i64)> {
    let (ax, ay) = Geometry::center(a);
    let (bx, by) = Geometry::center(b);
    let a_right = ax + a.shape.size().0 / 2;
    let b_left = bx - b.shape.size().0 / 2;
    let (lo, hi) = (a.column.min(b.column), a.column.max(b.column));
    // Columns grow in node order, so each lane's list is sorted.
    let blocked = model.lane_columns.get(a.lane).is_some_and(|cols| {
        let first_after = cols.partition_point(|&c| c <= lo);
        cols.get(first_after).is_some_and(|&c| c < hi)
    });
    if a.lane == b.lane && b.column > a.column && !blocked {
        return vec![(a_right, ay), (b_left, by)];
    }
    // At most three tracks: the gap between columns is 50 wide and the
    // strip above the shapes 30 high.
    let k = i64::try_from(lane_k.min(2)).unwrap_or(0);
    let gap_after = ax + COL_W / 2 - 10 * k;
    let gap_before = bx - COL_W / 2;
    let strip = Geometry::lane_top(b.lane) + STRIP - 5 * k;
    vec![
        (a_right, ay),
        (gap_after, ay),
        (gap_after, strip),
        (gap_before, strip),
        (gap_before, by),
        (b_left, by),
    ]
}

fn tag(shape: Shape) -> &'static str {
    match shape {
        Shape::Start => "startEvent",
        Shape::End => "endEvent",
        Shape::Task => "task",
        Shape::Call => "callActivity",
        Shape::Gateway => "exclusiveGateway",
    }
}

/// Renders the SOP as a BPMN 2.0 document with diagram interchange.
pub fn render(sop: &Sop, graph: &ProcessGraph, lang: Lang) -> String {
    render_marked(sop, graph, lang, &[])
}

/// [`render`], with the steps that have findings marked: `marks[row]` holds
/// the rule codes of step `row` (as `render::findings::by_step` gives them).
/// A marked step gets a red border (the OMG BPMN colour extension, which
/// bpmn.io and Camunda Modeler show) and the codes in its documentation.
pub fn render_marked(sop: &Sop, graph: &ProcessGraph, lang: Lang, marks: &[Vec<&str>]) -> String {
    let model = build(sop, graph, lang, marks);
    let color_ns = if model.nodes.iter().any(|n| n.marked) {
        r#" xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0""#
    } else {
        ""
    };
    let title = if sop.title().is_empty() { sop.id_str() } else { sop.title() };
    let mut o = String::new();
    let _ = writeln!(o, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        o,
        r#"<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"{color_ns} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="sopmap" exporterVersion="{}">"#,
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(o, r#"  <bpmn:collaboration id="Collaboration_1">"#);
    let _ = writeln!(
        o,
        r#"    <bpmn:participant id="Participant_1" name="{}" processRef="Process_1" />"#,
        xml(title)
    );
    let _ = writeln!(o, "  </bpmn:collaboration>");
    let _ = writeln!(
        o,
        r#"  <bpmn:process id="Process_1" name="{}" isExecutable="false">"#,
        xml(title)
    );
    let _ = writeln!(o, r#"    <bpmn:laneSet id="LaneSet_1">"#);
    for (l, name) in model.lanes.iter().enumerate() {
        let _ = writeln!(o, r#"      <bpmn:lane id="Lane_{}" name="{}">"#, l + 1, xml(name));
        for n in model.nodes.iter().filter(|n| n.lane == l) {
            let _ = writeln!(o, "        <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>", n.id);
        }
        let _ = writeln!(o, "      </bpmn:lane>");
    }
    let _ = writeln!(o, "    </bpmn:laneSet>");
    for n in &model.nodes {
        let name =
            if n.name.is_empty() { String::new() } else { format!(r#" name="{}""#, xml(&n.name)) };
        let called = n
            .called
            .as_ref()
            .map_or_else(String::new, |c| format!(r#" calledElement="{}""#, xml(c)));
        let _ = writeln!(o, r#"    <bpmn:{} id="{}"{name}{called}>"#, tag(n.shape), n.id);
        if let Some(d) = &n.doc {
            let _ = writeln!(o, "      <bpmn:documentation>{}</bpmn:documentation>", xml(d));
        }
        for &f in &n.incoming {
            if let Some(flow) = model.flows.get(f) {
                let _ = writeln!(o, "      <bpmn:incoming>{}</bpmn:incoming>", flow.id);
            }
        }
        for &f in &n.outgoing {
            if let Some(flow) = model.flows.get(f) {
                let _ = writeln!(o, "      <bpmn:outgoing>{}</bpmn:outgoing>", flow.id);
            }
        }
        let _ = writeln!(o, "    </bpmn:{}>", tag(n.shape));
    }
    for f in &model.flows {
        let (Some(s), Some(t)) = (model.nodes.get(f.source), model.nodes.get(f.target)) else {
            continue;
        };
        let name = f.name.as_ref().map_or_else(String::new, |n| format!(r#" name="{}""#, xml(n)));
        let _ = writeln!(
            o,
            r#"    <bpmn:sequenceFlow id="{}"{name} sourceRef="{}" targetRef="{}" />"#,
            f.id, s.id, t.id
        );
    }
    let _ = writeln!(o, "  </bpmn:process>");
    diagram(&mut o, &model);
    let _ = writeln!(o, "</bpmn:definitions>");
    o
}

fn diagram(o: &mut String, model: &Model) {
    let geo = Geometry { columns: model.nodes.iter().map(|n| n.column + 1).max().unwrap_or(1) };
    let lanes = i64::try_from(model.lanes.len().max(1)).unwrap_or(1);
    let _ = writeln!(o, r#"  <bpmndi:BPMNDiagram id="BPMNDiagram_1">"#);
    let _ = writeln!(o, r#"    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">"#);
    shape(o, "Participant_1", (POOL_X, POOL_Y, geo.pool_w(), lanes * LANE_H), true, false);
    for l in 0..model.lanes.len() {
        shape(
            o,
            &format!("Lane_{}", l + 1),
            (POOL_X + POOL_BAND, Geometry::lane_top(l), geo.pool_w() - POOL_BAND, LANE_H),
            true,
            false,
        );
    }
    for n in &model.nodes {
        shape(o, &n.id, Geometry::bounds(n), false, n.marked);
    }
    for (i, f) in model.flows.iter().enumerate() {
        let (Some(a), Some(b)) = (model.nodes.get(f.source), model.nodes.get(f.target)) else {
            continue;
        };
        let _ = writeln!(o, r#"      <bpmndi:BPMNEdge id="{}_di" bpmnElement="{}">"#, f.id, f.id);
        let k = a.outgoing.iter().position(|&g| g == i).unwrap_or(0);
        for (x, y) in route(model, a, b, k) {
            let _ = writeln!(o, r#"        <di:waypoint x="{x}" y="{y}" />"#);
        }
        let _ = writeln!(o, "      </bpmndi:BPMNEdge>");
    }
    let _ = writeln!(o, "    </bpmndi:BPMNPlane>");
    let _ = writeln!(o, "  </bpmndi:BPMNDiagram>");
}

fn shape(
    o: &mut String,
    id: &str,
    (x, y, w, h): (i64, i64, i64, i64),
    horizontal: bool,
    marked: bool,
) {
    let h_attr = if horizontal { r#" isHorizontal="true""# } else { "" };
    let m_attr = if marked { r##" color:border-color="#d32f2f""## } else { "" };
    let _ =
        writeln!(o, r#"      <bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"{h_attr}{m_attr}>"#);
    let _ = writeln!(o, r#"        <dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />"#);
    let _ = writeln!(o, "      </bpmndi:BPMNShape>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_file as check_source};
    use crate::source::SourceFile;

    fn model_of(text: &str) -> (Model, String) {
        let src = SourceFile::new("x.yaml", text);
        let c = check_source(&src, 0, &Settings::default());
        let (sop, graph) = (c.sop.unwrap(), c.graph.unwrap());
        (build(&sop, &graph, Lang::Id, &[]), render(&sop, &graph, Lang::Id))
    }

    const MAKRO: &str = include_str!("../../sops/pengaduan-pmi-makro.yaml");

    #[test]
    fn shapes_sit_in_their_lanes_without_overlap_and_edges_are_orthogonal() {
        let (m, _) = model_of(MAKRO);
        let boxes: Vec<_> = m.nodes.iter().map(Geometry::bounds).collect();
        for (n, &(x, y, w, h)) in m.nodes.iter().zip(&boxes) {
            let top = Geometry::lane_top(n.lane);
            assert!(y > top + STRIP && y + h < top + LANE_H, "{} outside its lane", n.id);
            assert!(x > POOL_X + POOL_BAND + LANE_BAND - 1, "{} left of the lanes", n.id);
            let pool = Geometry { columns: m.nodes.len() as i64 };
            assert!(x + w < POOL_X + pool.pool_w(), "{} right of the pool", n.id);
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1) {
                let apart =
                    a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        for f in &m.flows {
            let src = &m.nodes[f.source];
            let k = src.outgoing.iter().position(|&g| m.flows[g].id == f.id).unwrap();
            let pts = route(&m, src, &m.nodes[f.target], k);
            assert!(pts.len() >= 2);
            for w in pts.windows(2) {
                assert!(w[0].0 == w[1].0 || w[0].1 == w[1].1, "{} not orthogonal: {pts:?}", f.id);
            }
        }
    }

    #[test]
    fn every_node_has_its_flows_and_joins_precede_shared_targets() {
        let (m, _) = model_of(MAKRO);
        for n in &m.nodes {
            match n.shape {
                Shape::Start => assert!(n.incoming.is_empty() && n.outgoing.len() == 1),
                Shape::End => assert!(n.outgoing.is_empty() && n.incoming.len() == 1),
                // No implicit joins: only gateways have several arrows in.
                Shape::Task | Shape::Call => assert!(n.incoming.len() == 1, "{}", n.id),
                Shape::Gateway => {
                    let joins = n.incoming.len() > 1;
                    let forks = n.outgoing.len() > 1;
                    assert!(!(joins && forks), "{} joins and forks", n.id);
                }
            }
        }
        assert!(m.nodes.iter().any(|n| n.id.starts_with("Join_")));
        assert!(m.nodes.iter().any(|n| n.shape == Shape::Call && n.called.is_some()));
    }

    #[test]
    fn user_text_is_escaped() {
        let text = MAKRO.replacen(
            "activity: Menerima pengaduan secara langsung, telepon, surat, surel, atau kanal daring dan mendaftarkannya pada Sisko P2MI",
            "activity: \"<b>&amp; \\\"kutip\\\" 'x'</b>\"",
            1,
        );
        let (_, xml) = model_of(&text);
        assert!(
            xml.contains(r#"name="&lt;b&gt;&amp;amp; &quot;kutip&quot; &#39;x&#39;&lt;/b&gt;""#)
        );
        assert!(!xml.contains("<b>"));
    }
}
