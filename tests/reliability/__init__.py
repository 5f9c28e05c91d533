"""Reliability suite: the twenty situations of the design note, each met with real faults.

Every test asserts the promised outcome (file content, message text, exit code). Where a case
is also covered elsewhere, that test is named as the reference for the details.

Case → tests:

1. SIGKILL at random moments during saves: ``test_01_kill_during_save`` (prints its counts).
2. SIGTERM, SIGHUP, terminal closed: ``test_02_signals`` (real program in a pty).
3. Unhandled exception: ``test_03_unexpected_error`` (real program in a pty);
   ``tests/tui/test_robustness.py`` (Pilot).
4. Disk full: ``test_04_disk_full`` (a tmpfs filled up, in private namespaces); file size
   limit: ``tests/unit/test_storage.py``.
5. Read-only or vanished folder: ``test_05_read_only_folder`` (without root's powers);
   the wizard's notice at start: ``tests/tui/test_opening.py``.
6. Corrupted answers file: ``test_06_corrupted_dossier``; ``tests/unit/test_dossier_file.py``;
   the wizard's offer to restore the backup: ``tests/tui/test_opening.py``.
7. Hand-edited dossier, newer format: ``test_07_hand_edited_and_newer``; the wizard's
   read-only view: ``tests/tui/test_opening.py``.
8. Checklist changed since last opened: ``test_08_changed_checklist``;
   ``tests/unit/test_compat.py``, ``test_plan.py``, ``test_render_plan.py``.
9. Recovery bound to the right dossier: ``test_09_recovery_binding``.
10.-12. Malformed, duplicated, semantically wrong checklists:
   ``test_10_12_checklist_mistakes`` (real program); ``tests/unit/test_checklist_loader.py``,
   ``tests/unit/test_lint.py``.
13. Hostile or huge YAML: ``test_13_hostile_yaml`` (time and memory measured).
14. Injection in the dossier: ``test_14_injection`` (real program); ``tests/unit/test_render.py``.
15. PDF fetching only packaged assets and ``data:`` URLs: ``tests/e2e/test_pdf.py``.
16. Broken staff template: ``test_16_broken_template`` (real program).
17. Terminal too small, resized while typing: ``test_17_terminal_size`` (real program in a
   pty); ``tests/tui/test_robustness.py``.
18. Non-UTF-8 locale: ``test_18_locale`` (real program under ``LC_ALL=C``).
19. Two instances on one dossier: ``test_19_two_instances`` (real processes); the wizard
   opening it read-only, file untouched: ``tests/tui/test_opening.py``.
20. Sensitive data hygiene: ``test_20_hygiene``; the wizard's crash log:
   ``tests/tui/test_robustness.py``.

Permissions (cases 5 and 19) are met for real. CI runs as root, which ignores them: the child
processes concerned first give up root's powers over files (``helpers.drop_file_powers``) and
check that a read-only folder really refuses them before testing anything. As an ordinary
user, nothing needs dropping and the same tests run unchanged.
"""
