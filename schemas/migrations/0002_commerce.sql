-- commerce: tables are added by the commerce capability.
SELECT 1;
