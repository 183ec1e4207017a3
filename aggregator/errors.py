"""The exception hierarchy. Owns error classes only; imports nothing internal.

Every error renders as ``message: source_id: CauseType: cause`` where those parts
exist, so one log line or one `status` cell says what failed and where.
"""

from __future__ import annotations


class AggregatorError(Exception):
    """Base of every error the aggregator raises on purpose."""

    default_message = "aggregator error"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def __str__(self) -> str:
        cause = self.__cause__
        if cause is not None and not isinstance(cause, AggregatorError):
            return f"{self.message}: {type(cause).__name__}: {cause}"
        return self.message


class ConfigError(AggregatorError):
    """A config file that cannot be used. CLI exit 2."""

    default_message = "invalid config"

    def __init__(self, path: str, where: str | None, reason: str) -> None:
        self.path = path
        self.where = where
        self.reason = reason
        loc = f"{path}: {where}" if where else path
        super().__init__(f"{loc}: {reason}")


class UsageError(AggregatorError):
    """A bad command line or a request that cannot be carried out (exit 2)."""

    default_message = "bad usage"


class SourceError(AggregatorError):
    """Something wrong with one source; never stops the others."""

    default_message = "source error"

    def __init__(
        self, message: str | None = None, *, source_id: str | None = None, url: str | None = None
    ) -> None:
        self.source_id = source_id
        self.url = url
        super().__init__(message)

    def __str__(self) -> str:
        base = super().__str__()
        return f"{self.source_id}: {base}" if self.source_id else base


class FetchError(SourceError):
    """The request failed: network, timeout, HTTP status, size cap, redirects."""

    default_message = "fetch failed"

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        source_id: str | None = None,
        url: str | None = None,
    ) -> None:
        self.status = status
        #: seconds the server asked us to wait (Retry-After on 429/503), if any
        self.retry_after = retry_after
        super().__init__(message, source_id=source_id, url=url)


class ParseError(SourceError):
    """The body could not be read as a feed (or as anything useful)."""

    default_message = "could not parse"


class ExtractError(SourceError):
    """An HTML page gave no article links or no article."""

    default_message = "could not extract"


class StoreError(AggregatorError):
    default_message = "store error"


class PublishError(AggregatorError):
    default_message = "publish error"
