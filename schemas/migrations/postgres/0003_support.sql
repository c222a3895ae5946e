-- support: tables are added by the support capability (placeholder keeping the numbers without gaps).
SELECT 1;
