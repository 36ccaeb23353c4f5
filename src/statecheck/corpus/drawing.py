"""The co-signature network drawn as SVG on the server: no script, so it shows in the web
pages (whose policy forbids scripts) and in the offline report alike.

Layout: Fruchterman–Reingold (nodes repel, edges pull in proportion to their weight, a little
gravity keeps separate groups on the page), from a fixed seed so that the same network is
drawn the same way every time. Only organisations that co-signed something are drawn, the
:data:`MAX_NODES` most connected of them; the downloads hold the whole network.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from statecheck.corpus.network import Network, Node

MAX_NODES = 60
WIDTH = 960
HEIGHT = 640
MARGIN = 70


def _drawn(network: Network, max_nodes: int) -> tuple[list[Node], list[tuple[int, int, int]]]:
    degree = network.degree()
    chosen = sorted((n for n in network.nodes if degree.get(n.entity)),
                    key=lambda n: (-degree[n.entity], -n.documents, n.entity))[:max_nodes]
    index = {node.entity: i for i, node in enumerate(chosen)}
    edges = [(index[e.source], index[e.target], e.weight) for e in network.edges
             if e.source in index and e.target in index]
    return chosen, edges


def layout(count: int, edges: list[tuple[int, int, int]], *, iterations: int = 250, seed: int = 7) -> np.ndarray:
    """Positions in the unit square, one row per node."""
    if count == 0:
        return np.zeros((0, 2))
    if count == 1:
        return np.array([[0.5, 0.5]])
    random = np.random.RandomState(seed)
    position = random.random_sample((count, 2))
    k = math.sqrt(1.0 / count)
    temperature = 0.1
    pairs = np.array([(a, b) for a, b, _ in edges], dtype=int).reshape(-1, 2)
    weights = np.array([math.log1p(w) for _, _, w in edges]).reshape(-1, 1)
    for _ in range(iterations):
        delta = position[:, None, :] - position[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
        displacement = (delta / distance[:, :, None] * (k * k / distance)[:, :, None]).sum(axis=1)
        if len(pairs):
            pull = position[pairs[:, 0]] - position[pairs[:, 1]]
            length = np.maximum(np.linalg.norm(pull, axis=1, keepdims=True), 0.01)
            force = pull / length * (length * length / k) * weights
            np.add.at(displacement, pairs[:, 0], -force)
            np.add.at(displacement, pairs[:, 1], force)
        displacement += (0.5 - position) * 0.05 * count  # gravity: keep groups together on the page
        size = np.maximum(np.linalg.norm(displacement, axis=1, keepdims=True), 1e-9)
        position += displacement / size * np.minimum(size, temperature)
        temperature = max(temperature * 0.98, 0.002)
    low, high = position.min(axis=0), position.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    return np.asarray((position - low) / span)


def _label(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def network_svg(
    network: Network,
    *,
    href: Callable[[str], str] | None = None,
    max_nodes: int = MAX_NODES,
    title: str = "Co-signature network",
) -> str:
    """The drawing as one ``<svg class="network">`` element (empty string when no organisation
    co-signed anything). ``href(entity)`` links each node (to its organisation page)."""
    nodes, edges = _drawn(network, max_nodes)
    if not nodes:
        return ""
    unit = layout(len(nodes), edges)
    xs = MARGIN + unit[:, 0] * (WIDTH - 2 * MARGIN)
    ys = MARGIN / 2 + unit[:, 1] * (HEIGHT - 1.5 * MARGIN)
    heaviest = max(w for _, _, w in edges)
    most = max(n.documents for n in nodes)
    parts = [
        (f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
         f'width="100%" role="img" aria-label={quoteattr(title)}>'),
        f"<title>{escape(title)}</title>",
        '<g class="edges" stroke="#7a8ca3" stroke-linecap="round">',
    ]
    for a, b, weight in edges:
        width = 1 + 5 * (weight - 1) / max(heaviest - 1, 1)
        label = f"{nodes[a].name} and {nodes[b].name}: {weight} document{'s' if weight != 1 else ''} together"
        parts.append(
            f'<line class="edge" x1="{xs[a]:.1f}" y1="{ys[a]:.1f}" x2="{xs[b]:.1f}" y2="{ys[b]:.1f}" '
            f'stroke-width="{width:.1f}" stroke-opacity="0.6" data-weight="{weight}"><title>{escape(label)}</title></line>'
        )
    parts.append("</g>")
    parts.append('<g class="nodes" font-family="system-ui, sans-serif" font-size="12">')
    for i, node in enumerate(nodes):
        radius = 5 + 9 * math.sqrt(node.documents / most)
        anchor = "start" if xs[i] < WIDTH * 0.75 else "end"
        dx = radius + 3 if anchor == "start" else -(radius + 3)
        body = (
            f'<g class="node" data-entity={quoteattr(node.entity)}>'
            f'<circle cx="{xs[i]:.1f}" cy="{ys[i]:.1f}" r="{radius:.1f}" fill="#2b6cb0" stroke="#fff" stroke-width="1.5"/>'
            f'<text x="{xs[i] + dx:.1f}" y="{ys[i] + 4:.1f}" text-anchor="{anchor}" fill="#1a202c">{escape(_label(node.name))}</text>'
            f"<title>{escape(node.name)}: {node.documents} document{'s' if node.documents != 1 else ''}</title></g>"
        )
        parts.append(f"<a href={quoteattr(href(node.entity))}>{body}</a>" if href else body)
    parts.append("</g></svg>")
    return "".join(parts)
