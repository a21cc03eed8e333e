"""Walking reach: the network of paths, gates and walls, and shortest walks along it."""

from planner.reach.network import Finding, Network, build_network
from planner.reach.walks import Reach, ReachCache, Walks

__all__ = ["Finding", "Network", "Reach", "ReachCache", "Walks", "build_network"]
