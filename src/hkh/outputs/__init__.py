"""What hkh shows and writes: terminal tables, workbooks, charts and the report."""
