"""The shipped data validates against its Frictionless Data Package, keys and all."""

import csv

from frictionless import validate

from leadership_lab.data import schema


def test_the_shipped_data_is_a_valid_frictionless_data_package():
    report = validate(str(schema.DATAPACKAGE))
    problems = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(problems[:10])


def test_every_table_in_the_package_has_its_csv_with_the_schemas_columns_in_order():
    for name, table in schema.package().items():
        with (schema.DATA_DIR / f"{name}.csv").open(encoding="utf-8") as handle:
            rows = [r for r in csv.reader(handle) if r and not r[0].startswith("#")]
        assert tuple(rows[0]) == table.field_names, name


def test_every_field_is_described_and_every_reference_points_at_a_table():
    tables = schema.package()
    for table in tables.values():
        assert all(field.description for field in table.fields), table.name
        for fk in table.foreign_keys:
            assert fk.table in tables
            assert set(fk.table_fields) <= set(tables[fk.table].field_names)
