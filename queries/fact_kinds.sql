-- The kinds a figure can be, in display order; one row per kind.
-- Columns: fact_kind, name_vi, name_en, comparable (whether figures of the kind enter period comparisons).
-- No parameters.
select fact_kind, name_vi, name_en, comparable,
from fact_kinds
order by sort_order
