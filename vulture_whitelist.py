# Names vulture (at 60% confidence) takes for unused, reviewed by hand: each is used, in a way vulture cannot see.
# Dead code is deleted, not listed here. vulture reads this file with src/ (pyproject.toml, [tool.vulture]).
# ruff: noqa
_ = object()

# Attributes set on library objects: the library reads them when it writes the file.
# openpyxl (cells, sheets, page setup, workbook properties)
_.alignment, _.fill, _.number_format, _.hyperlink, _.freeze_panes, _.ref, _.creator, _.data_type
_.paperSize, _.orientation, _.pageSetUpPr, _.fitToWidth, _.fitToHeight, _.print_title_rows, _.gridLines
# python-docx (paragraph and section formats, fonts, tables, document properties)
_.space_after, _.keep_with_next, _.left_indent, _.rgb, _.autofit, _.tblStyle_val
_.page_height, _.page_width, _.top_margin, _.bottom_margin, _.subject, _.author, _.height_rule
_.last_modified_by, _.comments, _.keywords, _.content_status, _.revision, _.modified, _.last_printed, _.identifier
# ruamel.yaml (the reader's and the codebook writer's settings)
_.Constructor, _.preserve_quotes, _.allow_duplicate_keys, _.default_flow_style, _.allow_unicode
_.sort_base_mapping_type_on_output, _.fold_pos

# pydantic: model settings and validators, called by pydantic when a model validates
model_config
_._ordered, _._thresholds, _._counts, _._timing_text, _._columns, _._options_in_own_columns, _._named

# Enum members named by the values users write (in YAML files, or as --format and --language on the command line)
field_reports, observation, documents, request, gap_analysis, endorsed
nb, nn, en, none, md, docx

# Typer commands and the global options' callback, called by Typer
_global, init, import_, plan_import, plan_status, efforts_import, efforts_export, docs

# Read by the report's Jinja template (outputs/report/templates/report.html.j2)
_.data_uri

# Results read by tests and by the people who read the JSON and messages, not (yet) by another module
certain  # project.hours_text.Suggestion, project.timing: whether a reading has exactly one meaning
matched  # survey.identifiers.IdentifierReason: the words that marked a column as an identifier
EXIT_OK  # core.errors: the exit codes 0, 1 and 2 are named together

# The calendar's API (project/calendar.py, tested in tests/test_calendar.py): opening hours on real dates, for the
# gap analysis over a mapping's period, which hkh's commands do not do yet
week_of, holidays_on, holiday_name, week_slots_on, average_week, hours_per_average_week, change_dates
_.is_open, _.hours_on, _.union, _.intersection, _.difference
is_open  # project.hours.is_open: one weekly schedule at one hour (tests check the calendar against it)

# Used by the tests only, kept beside what they check
chapter_titles  # outputs.report.builder: every chapter heading in report order (the browser test)
dump_yaml  # core.yamlio: the round-trip writer beside the reader (the fuzz tests write YAML trees with it)

# Read by the report's Jinja template (a chart's printed width, a box that scrolls on a phone, a list's stacking)
_.scroll, _.stacks, _.inches, scroll

# outputs.excel.own_formula: the one way to write a formula into a workbook, which the final check of every cell then
# lets through (hkh writes none yet; the check is there so that no text becomes one)
own_formula

# survey.disclosure: result fields the tests and benchmarks/disclosure.py report on
secondary, n_hidden, lower_quartile, upper_quartile

# project.models.Provider: effort providers, named by the values users write in efforts.yaml and a need's `by`
police, municipal, health, ngo, volunteer, private
# project.models.Effort: a pydantic validator
_._schedule_names
