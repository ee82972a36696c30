"""The main window's parts by responsibility, combined in ``desktop.main_window.MainWindow``."""
