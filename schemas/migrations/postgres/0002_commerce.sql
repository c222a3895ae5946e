-- commerce: tables are added by the commerce capability (placeholder keeping the numbers without gaps).
SELECT 1;
