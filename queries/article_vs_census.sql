-- The TCCS article's workload figures beside the 2019 census; one row per claim.
-- Columns: claim_id, item (Vietnamese), item_en, published_value, qualifier, fact_id, census_value, difference, difference_pct.
-- No parameters.
select * from article_vs_census
order by claim_id
