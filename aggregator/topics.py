"""Topic membership of an item; pure.

Owns: the rules that put an item into topic feeds (source topics, keywords,
excludes, source restrictions). Does not own: storing the membership (store)
or merging items across sources (store merges; this only reads `sightings`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .config import TopicConfig
from .model import Item


def _contains_any(haystack: str, needles: Sequence[str]) -> bool:
    return any(n.casefold() in haystack for n in needles if n.strip())


def topics_for(
    item: Item,
    topics: Sequence[TopicConfig],
    source_topics: Mapping[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """Ids of the topics `item` belongs to, in the order of `topics`.

    An item belongs to a topic when one of its sources lists the topic, or
    when the topic's rule matches: keywords (any, case-insensitive) in the
    title or text, restricted to the topic's `sources` when given; a topic
    with neither keywords nor sources takes every item. A topic's `exclude`
    words remove the item in every case, source topics included: a user who
    writes an exclude wants those items out of that feed.

    Args:
        item: the (merged) item; all its sightings count as its sources.
        topics: the configured topics.
        source_topics: source id → the topics that source's config lists.
    """
    item_sources = {s.source_id for s in item.sightings}
    from_sources = {t for sid in item_sources for t in source_topics.get(sid, ())}
    haystack = f"{item.title}\n{item.text}".casefold()
    found: list[str] = []
    for topic in topics:
        if topic.id in found:
            continue
        if topic.id in from_sources:
            member = True
        else:
            in_sources = not topic.sources or bool(item_sources & set(topic.sources))
            keywords = [k for k in topic.keywords if k.strip()]
            member = in_sources and (not keywords or _contains_any(haystack, keywords))
        if member and _contains_any(haystack, topic.exclude):
            member = False
        if member:
            found.append(topic.id)
    return tuple(found)
