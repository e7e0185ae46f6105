"""Simulated networks of Chinese government portals, served on 127.0.0.1, with known truth.

    from tests.simnet import generate, serve_network, score

    net = generate(seed=1, sites=40)           # deterministic: pages are bytes, truth is data
    with serve_network(net) as running:
        running.registry_rows()                # [{"name", "homepage"}] for sites.csv
        truth = running.truth()                # reports (duplicate groups), look-alikes, sites, traps
        ...                                    # crawl
        running.requests                       # every request: host, method, path, status, bytes, 304?
    print(format_score(score("metadata.db", truth)))

Modules: ``model`` (hosts, sites, documents, truth), ``generator`` (which site gets which
conventions), ``portal`` (one site's pages), ``skins`` (page chrome and homepages), ``lists`` /
``lists_static`` / ``lists_dynamic`` (the list conventions), ``content`` (texts and detail pages),
``traps``, ``server`` (HTTP, conditional requests, challenges, the log), ``scorer``, ``crawlrun``
(crawl as a user would) and ``__main__`` (``python -m tests.simnet serve``). See README.md.
"""
from tests.simnet.generator import generate
from tests.simnet.scorer import format_score, score
from tests.simnet.server import serve_network

__all__ = ["generate", "serve_network", "score", "format_score"]
