-- platforms: no tables yet (as ../0005_platforms.sql); the number keeps both dialects at the
-- same schema version.

-- PostgreSQL only (several instances share the database): the sweeper's claim on an expired
-- session. Claiming sets this instead of touching expires_at, so a claimed session never looks
-- alive again to Load, and two instances' sweepers never close the same session.
ALTER TABLE sessions ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
