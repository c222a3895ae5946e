-- feedback: tables are added by the feedback capability.
SELECT 1;
