"""What changes a page on its way to HTML, as plain functions of text (the MkDocs events are in mkdocs_hooks/).

Facts and label glosses are applied by their own source modules (guide/sources/facts.py, ui_labels.py).

mail_composer    the Plan 2 e-mail form where a page writes <!-- mail-composer -->
checklist_names  each checklist checkbox named after its item
copy_buttons     a copy button after each Chinese text a student must type or look for
"""
