"""Every portal of a site registry: ``scrapy crawl registry -a sites=FILE.csv``
(``govcrawl crawl --sites FILE.csv`` does the same with the run report)."""
from govcrawl.platforms.base import RegistrySpider


class Registry(RegistrySpider):
    name = "registry"
