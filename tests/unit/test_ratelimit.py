from web.ratelimit import RateLimiter


def test_allows_up_to_the_limit_per_key():
    limiter = RateLimiter(limit=2, window_seconds=60)
    assert [limiter.allow("a") for _ in range(3)] == [True, True, False]
    assert limiter.allow("b")


def test_window_slides():
    limiter = RateLimiter(limit=1, window_seconds=0.05)
    assert limiter.allow("a") and not limiter.allow("a")
    import time

    time.sleep(0.06)
    assert limiter.allow("a")


def test_memory_stays_bounded():
    limiter = RateLimiter(limit=1, window_seconds=0.0, max_keys=10)
    for i in range(100):
        limiter.allow(str(i))
    assert len(limiter._hits) <= 11
