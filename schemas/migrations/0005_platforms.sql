-- platforms: tables are added by the platforms capability.
SELECT 1;
