"""The MemberDesk domain: rules, money and points, operations, decisions and codes, in pure Python.

Nothing here imports Qt, SQL or HTTP, and nothing reads the clock: time is always passed in.
"""

__version__ = "0.1.0"
