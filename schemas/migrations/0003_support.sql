-- support: tables are added by the support capability.
SELECT 1;
