-- Load the imports manifest and every imported file; run by the builder only when a manifest exists.
insert into imports
select *
from read_csv(getvariable('imports_dir') || '/imports.csv', header = true, auto_detect = false, columns = {
    'import_id': 'varchar', 'file_name': 'varchar', 'imported_at': 'timestamp', 'source_title': 'varchar',
    'source_date': 'date', 'supplied_by': 'varchar', 'rows': 'integer', 'sha256': 'varchar'
});

insert into imported_facts
select *
from read_csv(getvariable('imports_dir') || '/imp-*.csv', header = true, auto_detect = false, union_by_name = false,
    columns = {
        'import_id': 'varchar', 'row_number': 'integer', 'snapshot_id': 'varchar', 'unit_code': 'varchar',
        'period_id': 'varchar', 'metric_id': 'varchar', 'value': 'double', 'as_of_start': 'date',
        'as_of_end': 'date', 'note': 'varchar'
    })
-- a data file without its ledger entry (an import cut short by a full disk) is not part of the data
where import_id in (select import_id from imports);
