"""Which graph library answers "shortest walks from here to everywhere" fastest for the
walking network (docs/reach.md records the figures): scipy.sparse.csgraph, networkx,
rustworkx and igraph on a 63 × 63 street grid (3,969 nodes, 7,812 edges), building the graph
from arrays and one one-to-all Dijkstra, median ms. Needs the ``bench`` extras.

    .venv/bin/python benchmarks/bench_graph_libraries.py
"""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import rustworkx as rx
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

from timing import median_ms

SIDE = 63


def grid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    index = np.arange(SIDE * SIDE).reshape(SIDE, SIDE)
    u = np.r_[index[:, :-1].ravel(), index[:-1, :].ravel()]
    v = np.r_[index[:, 1:].ravel(), index[1:, :].ravel()]
    return u, v, np.random.default_rng(1).uniform(5, 30, len(u))


def main() -> None:
    u, v, w = grid()
    nodes = SIDE * SIDE

    def build_scipy():
        return sp.csr_matrix((np.r_[w, w], (np.r_[u, v], np.r_[v, u])), shape=(nodes, nodes))

    def build_networkx():
        graph = nx.Graph()
        graph.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist()))
        return graph

    def build_rustworkx():
        graph = rx.PyGraph()
        graph.add_nodes_from(range(nodes))
        graph.add_edges_from(list(zip(u.tolist(), v.tolist(), w.tolist())))
        return graph

    def build_igraph():
        return ig.Graph(n=nodes, edges=np.c_[u, v].tolist(), edge_attrs={"weight": w.tolist()})

    graphs = {"scipy": build_scipy(), "networkx": build_networkx(),
              "rustworkx": build_rustworkx(), "igraph": build_igraph()}
    runs = {
        "scipy": (build_scipy, lambda: dijkstra(graphs["scipy"], indices=0), 30),
        "networkx": (build_networkx,
                     lambda: nx.single_source_dijkstra_path_length(graphs["networkx"], 0), 5),
        "rustworkx": (build_rustworkx,
                      lambda: rx.dijkstra_shortest_path_lengths(graphs["rustworkx"], 0, float), 10),
        "igraph": (build_igraph, lambda: graphs["igraph"].distances(source=0, weights="weight"), 5),
    }
    print(f"grid {SIDE} × {SIDE}: {nodes} nodes, {len(u)} edges")
    print(f"{'library':12s} {'build ms':>10s} {'one-to-all ms':>14s}")
    for name, (build, query, repeat) in runs.items():
        print(f"{name:12s} {median_ms(build, repeat):10.2f} {median_ms(query, repeat):14.2f}")


if __name__ == "__main__":
    main()
