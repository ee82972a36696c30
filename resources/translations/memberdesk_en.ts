<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionScreen</name>
    <message>
        <source>Checking online…</source>
        <translation />
    </message>
    <message>
        <source>{points} points</source>
        <translation />
    </message>
</context>
<context>
    <name>AdjustScreen</name>
    <message>
        <source>Adjust points (manager)</source>
        <translation />
    </message>
    <message>
        <source>Points (+ or −)</source>
        <translation />
    </message>
    <message>
        <source>Reason</source>
        <translation />
    </message>
    <message>
        <source>Adjust</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>Enter a whole number of points, e.g. 200 or -150.</source>
        <translation />
    </message>
</context>
<context>
    <name>Amount</name>
    <message>
        <source>“{text}” is not an amount in yuan, e.g. 128.50.</source>
        <translation />
    </message>
    <message>
        <source>{yuan} yuan is more than any single purchase; check the amount.</source>
        <translation />
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>MemberDesk cannot open its database</source>
        <translation />
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>Desk staff</source>
        <translation />
    </message>
    <message>
        <source>Cashier</source>
        <translation />
    </message>
    <message>
        <source>Manager</source>
        <translation />
    </message>
    <message>
        <source>Membership office clerk</source>
        <translation />
    </message>
    <message>
        <source>Membership office manager</source>
        <translation />
    </message>
    <message>
        <source>Store manager</source>
        <translation />
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation />
    </message>
    <message>
        <source>Your role ({role}) may not do this; ask a manager.</source>
        <translation />
    </message>
    <message>
        <source>Staff number or PIN is wrong.</source>
        <translation />
    </message>
    <message>
        <source>Too many wrong PINs: {staff_no} is locked until {until}. A manager can unlock it.</source>
        <translation />
    </message>
    <message>
        <source>Enter your PIN again to confirm this.</source>
        <translation />
    </message>
    <message>
        <source>The PIN is wrong; nothing was done.</source>
        <translation />
    </message>
    <message>
        <source>Please log in again.</source>
        <translation />
    </message>
    <message>
        <source>{staff_no} has been disabled; this session has ended.</source>
        <translation />
    </message>
    <message>
        <source>{staff_no} ({name}) is not a manager; a manager must approve this.</source>
        <translation />
    </message>
    <message>
        <source>The manager&apos;s staff number or PIN is wrong.</source>
        <translation />
    </message>
    <message>
        <source>This amount needs a second person to confirm it: their staff number and PIN.</source>
        <translation />
    </message>
    <message>
        <source>The second person must be someone else than who keys the slip in.</source>
        <translation />
    </message>
    <message>
        <source>The second person&apos;s staff number or PIN is wrong.</source>
        <translation />
    </message>
</context>
<context>
    <name>BackEntryScreen</name>
    <message>
        <source>Key in paper slips</source>
        <translation />
    </message>
    <message>
        <source>Slip serial</source>
        <translation />
    </message>
    <message>
        <source>Scan the slip&apos;s code or type its serial</source>
        <translation />
    </message>
    <message>
        <source>Open</source>
        <translation />
    </message>
    <message>
        <source>Date and time on the slip</source>
        <translation />
    </message>
    <message>
        <source>Written by (staff no.)</source>
        <translation />
    </message>
    <message>
        <source>Second person (if the amount needs it)</source>
        <translation />
    </message>
    <message>
        <source>Second person&apos;s PIN</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Mobile number</source>
        <translation />
    </message>
    <message>
        <source>Birthday</source>
        <translation />
    </message>
    <message>
        <source>Referrer (member no.)</source>
        <translation />
    </message>
    <message>
        <source>Member number or mobile</source>
        <translation />
    </message>
    <message>
        <source>Store code</source>
        <translation />
    </message>
    <message>
        <source>Receipt number</source>
        <translation />
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation />
    </message>
    <message>
        <source>Purchase date</source>
        <translation />
    </message>
    <message>
        <source>Gift code</source>
        <translation />
    </message>
    <message>
        <source>Quantity</source>
        <translation />
    </message>
    <message>
        <source>Benefit (birthday, parking, member_day)</source>
        <translation />
    </message>
    <message>
        <source>The member ticked the privacy policy box (required)</source>
        <translation />
    </message>
    <message>
        <source>The member ticked the marketing box</source>
        <translation />
    </message>
    <message>
        <source>Key in</source>
        <translation />
    </message>
    <message>
        <source>Back</source>
        <translation />
    </message>
    <message>
        <source>{count} issued slips are not keyed in yet.</source>
        <translation />
    </message>
    <message>
        <source>Every issued slip has been keyed in.</source>
        <translation />
    </message>
    <message>
        <source>This slip was already keyed in on {when} by {staff}.</source>
        <translation />
    </message>
    <message>
        <source>Enrollment slip</source>
        <translation />
    </message>
    <message>
        <source>Receipt-credit slip</source>
        <translation />
    </message>
    <message>
        <source>Redemption slip</source>
        <translation />
    </message>
    <message>
        <source>Benefit slip</source>
        <translation />
    </message>
    <message>
        <source>Scan a slip to begin.</source>
        <translation />
    </message>
</context>
<context>
    <name>BenefitScreen</name>
    <message>
        <source>Claim a benefit</source>
        <translation />
    </message>
    <message>
        <source>Birthday gift</source>
        <translation />
    </message>
    <message>
        <source>Free parking</source>
        <translation />
    </message>
    <message>
        <source>Member-day gift</source>
        <translation />
    </message>
    <message>
        <source>Claim</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>Parking for this tier: {hours} h a day.</source>
        <translation />
    </message>
    <message>
        <source>Choose a benefit.</source>
        <translation />
    </message>
</context>
<context>
    <name>CashOffsetScreen</name>
    <message>
        <source>Pay with points</source>
        <translation />
    </message>
    <message>
        <source>Purchase amount (¥)</source>
        <translation />
    </message>
    <message>
        <source>Points to use</source>
        <translation />
    </message>
    <message>
        <source>Use points</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>Worth ¥{value}</source>
        <translation />
    </message>
    <message>
        <source>Enter the number of points to use.</source>
        <translation />
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>There is no terminal store at {path}; create one with: memberdesk --db {path} init --terminal-code N</source>
        <translation />
    </message>
    <message>
        <source>The store&apos;s key cannot be read from this computer&apos;s keyring ({error}).</source>
        <translation />
    </message>
    <message>
        <source>{path} cannot be used ({error}); check the path and its permissions.</source>
        <translation />
    </message>
    <message>
        <source>The command failed unexpectedly ({error}); the details are in {log}. Please tell IT.</source>
        <translation />
    </message>
    <message>
        <source>The terminal code must be from 1 to 899 (900–999 are kept for imports).</source>
        <translation />
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation />
    </message>
    <message>
        <source>Nothing was imported: {count} problem(s) to fix first.</source>
        <translation />
    </message>
    <message>
        <source>Make from 1 to 2,000,000 demo members.</source>
        <translation />
    </message>
    <message>
        <source>{path} exists already; choose a new file name for the backup.</source>
        <translation />
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>This is not a member code.</source>
        <translation />
    </message>
    <message>
        <source>The member code is incomplete; please scan it again.</source>
        <translation />
    </message>
    <message>
        <source>The member code is damaged; please scan it again.</source>
        <translation />
    </message>
    <message>
        <source>This member code was signed with a key this terminal does not know (key {key}). Sync the terminal, or look the member up by phone.</source>
        <translation />
    </message>
    <message>
        <source>This member code is not genuine (signature check failed).</source>
        <translation />
    </message>
    <message>
        <source>This member code expired on {date}; ask the member to refresh it.</source>
        <translation />
    </message>
    <message>
        <source>“{code}” is not a coupon code.</source>
        <translation />
    </message>
    <message>
        <source>The coupon code {code} has a typing error; check it again.</source>
        <translation />
    </message>
    <message>
        <source>“{code}” is not a paper-slip serial.</source>
        <translation />
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Your role may not do this.</source>
        <translation />
    </message>
    <message>
        <source>This form has expired or did not come from the console; open the page again.</source>
        <translation />
    </message>
    <message>
        <source>A user number is 1 to 16 letters or digits.</source>
        <translation />
    </message>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation />
    </message>
    <message>
        <source>The role must be office_clerk, office_manager or store_manager.</source>
        <translation />
    </message>
    <message>
        <source>User {user_no} is not known.</source>
        <translation />
    </message>
    <message>
        <source>This account is locked after too many wrong passwords until {until}; an office manager can unlock it.</source>
        <translation />
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
        <translation />
    </message>
    <message>
        <source>The user number or password is wrong.</source>
        <translation />
    </message>
    <message>
        <source>The request is not valid; nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>Say why the full details are needed.</source>
        <translation />
    </message>
    <message>
        <source>Points are a whole number other than zero, + or −.</source>
        <translation />
    </message>
    <message>
        <source>The adjustment waits for a second person&apos;s approval.</source>
        <translation />
    </message>
    <message>
        <source>This adjustment is not waiting for a decision.</source>
        <translation />
    </message>
    <message>
        <source>The second person must be someone else than who asked for the adjustment.</source>
        <translation />
    </message>
    <message>
        <source>Adjustment approved: every desk gets it at its next sync.</source>
        <translation />
    </message>
    <message>
        <source>Adjustment refused.</source>
        <translation />
    </message>
    <message>
        <source>Type the member number to confirm the erasure.</source>
        <translation />
    </message>
    <message>
        <source>The member&apos;s personal data is erased; the points ledger and receipts stay for the accounts.</source>
        <translation />
    </message>
    <message>
        <source>Give the desk a name.</source>
        <translation />
    </message>
    <message>
        <source>A terminal code is from 1 to 899.</source>
        <translation />
    </message>
    <message>
        <source>Terminal {terminal} is decommissioned.</source>
        <translation />
    </message>
    <message>
        <source>You cannot disable yourself.</source>
        <translation />
    </message>
    <message>
        <source>The effective day is a date like 2027-01-01.</source>
        <translation />
    </message>
    <message>
        <source>Rules {version} take effect on {day}; desks get them at their next sync that day.</source>
        <translation />
    </message>
    <message>
        <source>Job run {id} started; this page follows it until it ends.</source>
        <translation />
    </message>
    <message>
        <source>The file is empty.</source>
        <translation />
    </message>
    <message>
        <source>Not valid TOML: {error}</source>
        <translation />
    </message>
    <message>
        <source>User {user_no} saved.</source>
        <translation />
    </message>
    <message>
        <source>Issue between 1 and 10000 coupons at a time.</source>
        <translation />
    </message>
    <message>
        <source>The quantity is a whole number other than zero.</source>
        <translation />
    </message>
    <message>
        <source>The job is running already (here or on another server instance).</source>
        <translation />
    </message>
    <message>
        <source>This period was run already; tick “run again” to run it once more.</source>
        <translation />
    </message>
    <message>
        <source>Audit</source>
        <translation />
    </message>
    <message>
        <source>Terminal</source>
        <translation />
    </message>
    <message>
        <source>Verify its chain</source>
        <translation />
    </message>
    <message>
        <source>The audit chain of {terminal} is intact ({rows} rows anchored).</source>
        <translation />
    </message>
    <message>
        <source>The audit chain of {terminal} is broken at row {row} ({reason}).</source>
        <translation />
    </message>
    <message>
        <source>Terminals&apos; anchored audit rows</source>
        <translation />
    </message>
    <message>
        <source>Staff, action, subject or operation</source>
        <translation />
    </message>
    <message>
        <source>Search</source>
        <translation />
    </message>
    <message>
        <source>When</source>
        <translation />
    </message>
    <message>
        <source>Staff</source>
        <translation />
    </message>
    <message>
        <source>Action</source>
        <translation />
    </message>
    <message>
        <source>Subject</source>
        <translation />
    </message>
    <message>
        <source>Console actions</source>
        <translation />
    </message>
    <message>
        <source>Who</source>
        <translation />
    </message>
    <message>
        <source>Membership office</source>
        <translation />
    </message>
    <message>
        <source>Today</source>
        <translation />
    </message>
    <message>
        <source>Exceptions</source>
        <translation />
    </message>
    <message>
        <source>Members</source>
        <translation />
    </message>
    <message>
        <source>Terminals</source>
        <translation />
    </message>
    <message>
        <source>Rules</source>
        <translation />
    </message>
    <message>
        <source>Coupons &amp; stock</source>
        <translation />
    </message>
    <message>
        <source>Reports</source>
        <translation />
    </message>
    <message>
        <source>Jobs</source>
        <translation />
    </message>
    <message>
        <source>Log out</source>
        <translation />
    </message>
    <message>
        <source>Issue a batch of coupons</source>
        <translation />
    </message>
    <message>
        <source>Coupon</source>
        <translation />
    </message>
    <message>
        <source>How many</source>
        <translation />
    </message>
    <message>
        <source>For member (optional)</source>
        <translation />
    </message>
    <message>
        <source>Issue and download the codes (CSV)</source>
        <translation />
    </message>
    <message>
        <source>One coupon&apos;s story</source>
        <translation />
    </message>
    <message>
        <source>Coupon code</source>
        <translation />
    </message>
    <message>
        <source>No coupon has this code.</source>
        <translation />
    </message>
    <message>
        <source>Status</source>
        <translation />
    </message>
    <message>
        <source>Member</source>
        <translation />
    </message>
    <message>
        <source>Valid</source>
        <translation />
    </message>
    <message>
        <source>Used</source>
        <translation />
    </message>
    <message>
        <source>Operation</source>
        <translation />
    </message>
    <message>
        <source>Outcome</source>
        <translation />
    </message>
    <message>
        <source>Gift stock per desk</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Gift</source>
        <translation />
    </message>
    <message>
        <source>In stock</source>
        <translation />
    </message>
    <message>
        <source>Quantity (negative takes back)</source>
        <translation />
    </message>
    <message>
        <source>Allocate</source>
        <translation />
    </message>
    <message>
        <source>Exception</source>
        <translation />
    </message>
    <message>
        <source>What happened</source>
        <translation />
    </message>
    <message>
        <source>Opened</source>
        <translation />
    </message>
    <message>
        <source>Details</source>
        <translation />
    </message>
    <message>
        <source>Resolved by {who} at {at}: {decision}</source>
        <translation />
    </message>
    <message>
        <source>Decision</source>
        <translation />
    </message>
    <message>
        <source>Resolve</source>
        <translation />
    </message>
    <message>
        <source>Open</source>
        <translation />
    </message>
    <message>
        <source>Resolved</source>
        <translation />
    </message>
    <message>
        <source>All</source>
        <translation />
    </message>
    <message>
        <source>Code</source>
        <translation />
    </message>
    <message>
        <source>Filter</source>
        <translation />
    </message>
    <message>
        <source>No exceptions match.</source>
        <translation />
    </message>
    <message>
        <source>Job</source>
        <translation />
    </message>
    <message>
        <source>What it does</source>
        <translation />
    </message>
    <message>
        <source>Period due now</source>
        <translation />
    </message>
    <message>
        <source>Period</source>
        <translation />
    </message>
    <message>
        <source>run again</source>
        <translation />
    </message>
    <message>
        <source>Run now</source>
        <translation />
    </message>
    <message>
        <source>Runs</source>
        <translation />
    </message>
    <message>
        <source>How</source>
        <translation />
    </message>
    <message>
        <source>Started</source>
        <translation />
    </message>
    <message>
        <source>Ended</source>
        <translation />
    </message>
    <message>
        <source>Rows</source>
        <translation />
    </message>
    <message>
        <source>Errors</source>
        <translation />
    </message>
    <message>
        <source>Log in</source>
        <translation />
    </message>
    <message>
        <source>User number</source>
        <translation />
    </message>
    <message>
        <source>Password</source>
        <translation />
    </message>
    <message>
        <source>Phone</source>
        <translation />
    </message>
    <message>
        <source>Birthday</source>
        <translation />
    </message>
    <message>
        <source>Card</source>
        <translation />
    </message>
    <message>
        <source>Tier</source>
        <translation />
    </message>
    <message>
        <source>since {day}</source>
        <translation />
    </message>
    <message>
        <source>Points available</source>
        <translation />
    </message>
    <message>
        <source>Enrolled</source>
        <translation />
    </message>
    <message>
        <source>Reason</source>
        <translation />
    </message>
    <message>
        <source>Show full details (recorded)</source>
        <translation />
    </message>
    <message>
        <source>Consents</source>
        <translation />
    </message>
    <message>
        <source>Privacy notice</source>
        <translation />
    </message>
    <message>
        <source>Marketing</source>
        <translation />
    </message>
    <message>
        <source>Tier history</source>
        <translation />
    </message>
    <message>
        <source>Day</source>
        <translation />
    </message>
    <message>
        <source>What</source>
        <translation />
    </message>
    <message>
        <source>Tier before</source>
        <translation />
    </message>
    <message>
        <source>Tier after</source>
        <translation />
    </message>
    <message>
        <source>unchanged</source>
        <translation />
    </message>
    <message>
        <source>Lots and expiry</source>
        <translation />
    </message>
    <message>
        <source>Year earned</source>
        <translation />
    </message>
    <message>
        <source>Points</source>
        <translation />
    </message>
    <message>
        <source>Expires</source>
        <translation />
    </message>
    <message>
        <source>lapsed</source>
        <translation />
    </message>
    <message>
        <source>Points ledger</source>
        <translation />
    </message>
    <message>
        <source>Kind</source>
        <translation />
    </message>
    <message>
        <source>Spend (yuan)</source>
        <translation />
    </message>
    <message>
        <source>server</source>
        <translation />
    </message>
    <message>
        <source>Coupons</source>
        <translation />
    </message>
    <message>
        <source>Benefits claimed</source>
        <translation />
    </message>
    <message>
        <source>Benefit</source>
        <translation />
    </message>
    <message>
        <source>Manual adjustment</source>
        <translation />
    </message>
    <message>
        <source>Points (+ or −)</source>
        <translation />
    </message>
    <message>
        <source>Ask for approval</source>
        <translation />
    </message>
    <message>
        <source>Asked by</source>
        <translation />
    </message>
    <message>
        <source>Approve</source>
        <translation />
    </message>
    <message>
        <source>Refuse</source>
        <translation />
    </message>
    <message>
        <source>Personal information requests</source>
        <translation />
    </message>
    <message>
        <source>Export everything held (file)</source>
        <translation />
    </message>
    <message>
        <source>Type the member number to confirm</source>
        <translation />
    </message>
    <message>
        <source>Erase personal data</source>
        <translation />
    </message>
    <message>
        <source>Phone, member number, card number or name</source>
        <translation />
    </message>
    <message>
        <source>Member number</source>
        <translation />
    </message>
    <message>
        <source>No member matches.</source>
        <translation />
    </message>
    <message>
        <source>Not found</source>
        <translation />
    </message>
    <message>
        <source>Back</source>
        <translation />
    </message>
    <message>
        <source>Business day</source>
        <translation />
    </message>
    <message>
        <source>Scope</source>
        <translation />
    </message>
    <message>
        <source>Whole mall</source>
        <translation />
    </message>
    <message>
        <source>Show</source>
        <translation />
    </message>
    <message>
        <source>Daily report (PDF)</source>
        <translation />
    </message>
    <message>
        <source>Daily report (CSV)</source>
        <translation />
    </message>
    <message>
        <source>Complete: every terminal has synced the day.</source>
        <translation />
    </message>
    <message>
        <source>Not complete: these terminals had not synced the day yet:</source>
        <translation />
    </message>
    <message>
        <source>never</source>
        <translation />
    </message>
    <message>
        <source>Operations</source>
        <translation />
    </message>
    <message>
        <source>Enrolments</source>
        <translation />
    </message>
    <message>
        <source>Points earned</source>
        <translation />
    </message>
    <message>
        <source>Points redeemed</source>
        <translation />
    </message>
    <message>
        <source>Coupons verified</source>
        <translation />
    </message>
    <message>
        <source>The month</source>
        <translation />
    </message>
    <message>
        <source>Month</source>
        <translation />
    </message>
    <message>
        <source>The month (CSV)</source>
        <translation />
    </message>
    <message>
        <source>Count</source>
        <translation />
    </message>
    <message>
        <source>Points donated</source>
        <translation />
    </message>
    <message>
        <source>Parking</source>
        <translation />
    </message>
    <message>
        <source>Ticket</source>
        <translation />
    </message>
    <message>
        <source>Points as cash</source>
        <translation />
    </message>
    <message>
        <source>Points donation</source>
        <translation />
    </message>
    <message>
        <source>Redemptions</source>
        <translation />
    </message>
    <message>
        <source>Document</source>
        <translation />
    </message>
    <message>
        <source>Version</source>
        <translation />
    </message>
    <message>
        <source>Loaded</source>
        <translation />
    </message>
    <message>
        <source>Upload a new rules file</source>
        <translation />
    </message>
    <message>
        <source>The rules file was not loaded: fix these and upload it again.</source>
        <translation />
    </message>
    <message>
        <source>{count} problems found:</source>
        <translation />
    </message>
    <message>
        <source>1 problem found:</source>
        <translation />
    </message>
    <message>
        <source>line {line}</source>
        <translation />
    </message>
    <message>
        <source>The file is valid. Check the differences below, then load it at once or from a later business day: every desk takes it at its next sync.</source>
        <translation />
    </message>
    <message>
        <source>Effective from (blank: at once)</source>
        <translation />
    </message>
    <message>
        <source>Load these rules</source>
        <translation />
    </message>
    <message>
        <source>Rules file (TOML)</source>
        <translation />
    </message>
    <message>
        <source>Check</source>
        <translation />
    </message>
    <message>
        <source>Differences from the current rules</source>
        <translation />
    </message>
    <message>
        <source>Waiting for their day</source>
        <translation />
    </message>
    <message>
        <source>Effective from</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>History</source>
        <translation />
    </message>
    <message>
        <source>Replaced</source>
        <translation />
    </message>
    <message>
        <source>Roll back to {version}</source>
        <translation />
    </message>
    <message>
        <source>Current rules file</source>
        <translation />
    </message>
    <message>
        <source>Office users (this console)</source>
        <translation />
    </message>
    <message>
        <source>Role</source>
        <translation />
    </message>
    <message>
        <source>State</source>
        <translation />
    </message>
    <message>
        <source>disabled</source>
        <translation />
    </message>
    <message>
        <source>locked</source>
        <translation />
    </message>
    <message>
        <source>active</source>
        <translation />
    </message>
    <message>
        <source>Unlock</source>
        <translation />
    </message>
    <message>
        <source>Disable</source>
        <translation />
    </message>
    <message>
        <source>Enable</source>
        <translation />
    </message>
    <message>
        <source>Password (new users; blank keeps it)</source>
        <translation />
    </message>
    <message>
        <source>Save user</source>
        <translation />
    </message>
    <message>
        <source>Desk staff (pulled by every terminal)</source>
        <translation />
    </message>
    <message>
        <source>Staff number</source>
        <translation />
    </message>
    <message>
        <source>PIN (new staff; blank keeps it)</source>
        <translation />
    </message>
    <message>
        <source>Save staff</source>
        <translation />
    </message>
    <message>
        <source>Registration code for {name}</source>
        <translation />
    </message>
    <message>
        <source>Valid for 24 hours, once. Type it (or scan it) on the new terminal.</source>
        <translation />
    </message>
    <message>
        <source>Desk name</source>
        <translation />
    </message>
    <message>
        <source>Terminal code (optional)</source>
        <translation />
    </message>
    <message>
        <source>Issue a registration code</source>
        <translation />
    </message>
    <message>
        <source>Registered</source>
        <translation />
    </message>
    <message>
        <source>Last sync</source>
        <translation />
    </message>
    <message>
        <source>Operations not yet pushed</source>
        <translation />
    </message>
    <message>
        <source>Changes not yet pulled</source>
        <translation />
    </message>
    <message>
        <source>an older version</source>
        <translation />
    </message>
    <message>
        <source>Revoke</source>
        <translation />
    </message>
    <message>
        <source>Decommission</source>
        <translation />
    </message>
    <message>
        <source>Registration codes issued</source>
        <translation />
    </message>
    <message>
        <source>Issued</source>
        <translation />
    </message>
    <message>
        <source>Used by</source>
        <translation />
    </message>
    <message>
        <source>Open exceptions</source>
        <translation />
    </message>
    <message>
        <source>Operations per desk and kind</source>
        <translation />
    </message>
    <message>
        <source>Desk</source>
        <translation />
    </message>
    <message>
        <source>No operations yet today.</source>
        <translation />
    </message>
    <message>
        <source>Synced</source>
        <translation />
    </message>
    <message>
        <source>yes</source>
        <translation />
    </message>
    <message>
        <source>no</source>
        <translation />
    </message>
    <message>
        <source>Operations, last 30 days</source>
        <translation />
    </message>
</context>
<context>
    <name>CouponScreen</name>
    <message>
        <source>Verify a coupon</source>
        <translation />
    </message>
    <message>
        <source>Coupon code</source>
        <translation />
    </message>
    <message>
        <source>Purchase amount (¥, optional)</source>
        <translation />
    </message>
    <message>
        <source>Check</source>
        <translation />
    </message>
    <message>
        <source>Verify and use</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>Scan the coupon, or type its code.</source>
        <translation />
    </message>
    <message>
        <source>Unused</source>
        <translation />
    </message>
    <message>
        <source>Already used</source>
        <translation />
    </message>
    <message>
        <source>Cancelled</source>
        <translation />
    </message>
    <message>
        <source>Value ¥{value}, minimum spend ¥{min}</source>
        <translation />
    </message>
    <message>
        <source>Valid {first} to {last}</source>
        <translation />
    </message>
</context>
<context>
    <name>DonationScreen</name>
    <message>
        <source>Donate points to charity</source>
        <translation />
    </message>
    <message>
        <source>Campaign</source>
        <translation />
    </message>
    <message>
        <source>Points to donate</source>
        <translation />
    </message>
    <message>
        <source>↑/↓ choose the campaign</source>
        <translation />
    </message>
    <message>
        <source>Donate</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>The rules name no donation campaign; nothing can be donated.</source>
        <translation />
    </message>
    <message>
        <source>{low} to {high} points a donation.</source>
        <translation />
    </message>
    <message>
        <source>The member has {balance} points.</source>
        <translation />
    </message>
    <message>
        <source>{points} points to {campaign}; {left} points left.</source>
        <translation />
    </message>
    <message>
        <source>Enter the number of points to donate, e.g. 500.</source>
        <translation />
    </message>
</context>
<context>
    <name>EarnScreen</name>
    <message>
        <source>Points for a purchase</source>
        <translation />
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation />
    </message>
    <message>
        <source>Category</source>
        <translation />
    </message>
    <message>
        <source>Apply the member&apos;s tier discount</source>
        <translation />
    </message>
    <message>
        <source>General</source>
        <translation />
    </message>
    <message>
        <source>Fashion</source>
        <translation />
    </message>
    <message>
        <source>Cosmetics</source>
        <translation />
    </message>
    <message>
        <source>Dining</source>
        <translation />
    </message>
    <message>
        <source>Sports</source>
        <translation />
    </message>
    <message>
        <source>Electronics</source>
        <translation />
    </message>
    <message>
        <source>Kids</source>
        <translation />
    </message>
    <message>
        <source>Entertainment</source>
        <translation />
    </message>
    <message>
        <source>Jewellery</source>
        <translation />
    </message>
    <message>
        <source>Credit points</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
</context>
<context>
    <name>EnrollScreen</name>
    <message>
        <source>Enroll a new member</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Mobile number</source>
        <translation />
    </message>
    <message>
        <source>Birthday</source>
        <translation />
    </message>
    <message>
        <source>Gender</source>
        <translation />
    </message>
    <message>
        <source>Referrer (member no.)</source>
        <translation />
    </message>
    <message>
        <source>month-day, e.g. 03-15 (year optional)</source>
        <translation />
    </message>
    <message>
        <source>11 digits</source>
        <translation />
    </message>
    <message>
        <source>Not given</source>
        <translation />
    </message>
    <message>
        <source>Female</source>
        <translation />
    </message>
    <message>
        <source>Male</source>
        <translation />
    </message>
    <message>
        <source>Other</source>
        <translation />
    </message>
    <message>
        <source>The member accepts the privacy policy (required)</source>
        <translation />
    </message>
    <message>
        <source>The member agrees to receive marketing messages (optional)</source>
        <translation />
    </message>
    <message>
        <source>Enroll</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
</context>
<context>
    <name>Exceptions</name>
    <message>
        <source>Opened</source>
        <translation />
    </message>
    <message>
        <source>Kind</source>
        <translation />
    </message>
    <message>
        <source>Member</source>
        <translation />
    </message>
    <message>
        <source>Terminal</source>
        <translation />
    </message>
    <message>
        <source>Reason</source>
        <translation />
    </message>
    <message>
        <source>Resolution</source>
        <translation />
    </message>
    <message>
        <source>Reference</source>
        <translation />
    </message>
</context>
<context>
    <name>Gift</name>
    <message>
        <source>Code</source>
        <translation />
    </message>
    <message>
        <source>Gift</source>
        <translation />
    </message>
    <message>
        <source>Points</source>
        <translation />
    </message>
    <message>
        <source>In stock</source>
        <translation />
    </message>
</context>
<context>
    <name>GiftScreen</name>
    <message>
        <source>Redeem a gift</source>
        <translation />
    </message>
    <message>
        <source>Quantity</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>Redeem…</source>
        <translation />
    </message>
    <message>
        <source>Choose a gift from the catalogue.</source>
        <translation />
    </message>
    <message>
        <source>Spend {points} points on {quantity} × {gift}? Press Confirm.</source>
        <translation />
    </message>
    <message>
        <source>Confirm</source>
        <translation />
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Time</source>
        <translation />
    </message>
    <message>
        <source>Transaction</source>
        <translation />
    </message>
    <message>
        <source>Points</source>
        <translation />
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation />
    </message>
    <message>
        <source>Status</source>
        <translation />
    </message>
    <message>
        <source>Reference</source>
        <translation />
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation />
    </message>
    <message>
        <source>Rejected by the server · exception #{id} open</source>
        <translation />
    </message>
    <message>
        <source>Rejected by the server · exception #{id} resolved</source>
        <translation />
    </message>
    <message>
        <source>Reversed</source>
        <translation />
    </message>
    <message>
        <source>Imported</source>
        <translation />
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation />
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Member service</source>
        <translation />
    </message>
    <message>
        <source>Scan the member&apos;s code, or type a phone number, member number, card number or name.</source>
        <translation />
    </message>
    <message>
        <source>Scan or search…</source>
        <translation />
    </message>
    <message>
        <source>Search</source>
        <translation />
    </message>
    <message>
        <source>Enroll a new member</source>
        <translation />
    </message>
    <message>
        <source>Verify a coupon</source>
        <translation />
    </message>
    <message>
        <source>Key in paper slips</source>
        <translation />
    </message>
    <message>
        <source>No member found. Check the number, or enroll a new member.</source>
        <translation />
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{file} is neither UTF-8 nor GBK/GB18030 text; save it again as CSV UTF-8.</source>
        <translation />
    </message>
    <message>
        <source>The header lacks the column “{column}”.</source>
        <translation />
    </message>
    <message>
        <source>Points must be a whole number.</source>
        <translation />
    </message>
    <message>
        <source>Gender must be female, male, other or empty.</source>
        <translation />
    </message>
    <message>
        <source>Points must be from 0 to 10,000,000.</source>
        <translation />
    </message>
    <message>
        <source>The phone number repeats line {line}.</source>
        <translation />
    </message>
    <message>
        <source>The phone number already belongs to a member.</source>
        <translation />
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Annual tier review</source>
        <translation />
    </message>
    <message>
        <source>On the 1st of the rules&apos; review month: one step down for members whose qualifying spend no longer holds their tier.</source>
        <translation />
    </message>
    <message>
        <source>Year-end expiry sweep</source>
        <translation />
    </message>
    <message>
        <source>On 1 January: write off the points that lapsed at the end of the year.</source>
        <translation />
    </message>
    <message>
        <source>Rules taking effect</source>
        <translation />
    </message>
    <message>
        <source>Each business day: load the rules uploaded for a later day once that day has come.</source>
        <translation />
    </message>
    <message>
        <source>Nightly snapshot and pruning</source>
        <translation />
    </message>
    <message>
        <source>Every night after 03:00: a bootstrap snapshot, then the change feed no terminal needs.</source>
        <translation />
    </message>
    <message>
        <source>There is no job called {name}.</source>
        <translation />
    </message>
    <message>
        <source>{period} is not a period of this job (a year, or a date for the snapshot).</source>
        <translation />
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Locked</source>
        <translation />
    </message>
    <message>
        <source>Log in</source>
        <translation />
    </message>
    <message>
        <source>The terminal was locked. Log in to continue.</source>
        <translation />
    </message>
    <message>
        <source>Enter your staff number and PIN.</source>
        <translation />
    </message>
    <message>
        <source>Staff number</source>
        <translation />
    </message>
    <message>
        <source>PIN</source>
        <translation />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{mall} · {desk} · MemberDesk</source>
        <translation />
    </message>
    <message>
        <source>Home</source>
        <translation />
    </message>
    <message>
        <source>Manager</source>
        <translation />
    </message>
    <message>
        <source>Settings</source>
        <translation />
    </message>
    <message>
        <source>Lock</source>
        <translation />
    </message>
    <message>
        <source>This is a paper slip; a desk clerk or a manager keys it in.</source>
        <translation />
    </message>
    <message>
        <source>This is a WeChat Pay payment code, not a member code. Ask for the member code.</source>
        <translation />
    </message>
    <message>
        <source>This is an Alipay payment code, not a member code. Ask for the member code.</source>
        <translation />
    </message>
    <message>
        <source>No member has the scanned code {code}.</source>
        <translation />
    </message>
    <message>
        <source>A form is half filled</source>
        <translation />
    </message>
    <message>
        <source>A code was scanned while this form is half filled. Leave the form and open the code?</source>
        <translation />
    </message>
    <message>
        <source>Open the code (Enter)</source>
        <translation />
    </message>
    <message>
        <source>Keep the form (Esc)</source>
        <translation />
    </message>
    <message>
        <source>Settings saved.</source>
        <translation />
    </message>
    <message>
        <source>Terminal registered. Log in again to start working online.</source>
        <translation />
    </message>
    <message>
        <source>No server is configured; operations stay on this terminal until one is.</source>
        <translation />
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation />
    </message>
    <message>
        <source>Something went wrong. Nothing you saved is lost; please tell the manager.</source>
        <translation />
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Manager</source>
        <translation />
    </message>
    <message>
        <source>Exceptions inbox</source>
        <translation />
    </message>
    <message>
        <source>Staff</source>
        <translation />
    </message>
    <message>
        <source>Terminal</source>
        <translation />
    </message>
    <message>
        <source>Shift handover</source>
        <translation />
    </message>
    <message>
        <source>Unlock selected staff</source>
        <translation />
    </message>
    <message>
        <source>Reprint a receipt</source>
        <translation />
    </message>
    <message>
        <source>Reference, e.g. 007-000003</source>
        <translation />
    </message>
    <message>
        <source>Reprint</source>
        <translation />
    </message>
    <message>
        <source>Handed over to (staff no.)</source>
        <translation />
    </message>
    <message>
        <source>Gifts counted</source>
        <translation />
    </message>
    <message>
        <source>gift code = number counted, e.g. K001=12, K002=5</source>
        <translation />
    </message>
    <message>
        <source>Print shift handover</source>
        <translation />
    </message>
    <message>
        <source>Shift handover as CSV</source>
        <translation />
    </message>
    <message>
        <source>Decision, e.g. &apos;credited at Desk 2 is correct; told member&apos;</source>
        <translation />
    </message>
    <message>
        <source>Record decision</source>
        <translation />
    </message>
    <message>
        <source>Staff number</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Role</source>
        <translation />
    </message>
    <message>
        <source>PIN</source>
        <translation />
    </message>
    <message>
        <source>Desk staff</source>
        <translation />
    </message>
    <message>
        <source>Cashier</source>
        <translation />
    </message>
    <message>
        <source>Add or update staff</source>
        <translation />
    </message>
    <message>
        <source>Print today&apos;s daily report</source>
        <translation />
    </message>
    <message>
        <source>Daily report as CSV</source>
        <translation />
    </message>
    <message>
        <source>Print the benefits handbook</source>
        <translation />
    </message>
    <message>
        <source>Print an outage kit (50 slips + handbook)</source>
        <translation />
    </message>
    <message>
        <source>Back</source>
        <translation />
    </message>
    <message>
        <source>Exceptions inbox ({count} open)</source>
        <translation />
    </message>
    <message>
        <source>Shift of {name} ({staff_no}) since {start}: its figures, gifts handed out and stock counted.</source>
        <translation />
    </message>
    <message>
        <source>This terminal is not connected to a server, so there are no sync rejections to review.</source>
        <translation />
    </message>
    <message>
        <source>{open} open, {total} in all. Every sync rejection lands here; record a decision for each.</source>
        <translation />
    </message>
    <message>
        <source>Choose an exception first.</source>
        <translation />
    </message>
    <message>
        <source>Choose a staff member first.</source>
        <translation />
    </message>
    <message>
        <source>{staff_no} is unlocked and can log in again.</source>
        <translation />
    </message>
    <message>
        <source>No receipt of this desk has the reference {ref}.</source>
        <translation />
    </message>
    <message>
        <source>“{part}” is not a gift code with a number, e.g. K001=12.</source>
        <translation />
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <source>Birthday gift</source>
        <translation />
    </message>
    <message>
        <source>Free parking</source>
        <translation />
    </message>
    <message>
        <source>Member-day gift</source>
        <translation />
    </message>
    <message>
        <source>Member</source>
        <translation />
    </message>
    <message>
        <source>Purchase points</source>
        <translation />
    </message>
    <message>
        <source>Receipt credit</source>
        <translation />
    </message>
    <message>
        <source>Redeem gift</source>
        <translation />
    </message>
    <message>
        <source>Points as cash</source>
        <translation />
    </message>
    <message>
        <source>Verify coupon</source>
        <translation />
    </message>
    <message>
        <source>Benefits</source>
        <translation />
    </message>
    <message>
        <source>Donate</source>
        <translation />
    </message>
    <message>
        <source>Adjust points</source>
        <translation />
    </message>
    <message>
        <source>Reverse selected</source>
        <translation />
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation />
    </message>
    <message>
        <source>Show full phone</source>
        <translation />
    </message>
    <message>
        <source>Annual statement</source>
        <translation />
    </message>
    <message>
        <source>Points</source>
        <translation />
    </message>
    <message>
        <source>History</source>
        <translation />
    </message>
    <message>
        <source>Done</source>
        <translation />
    </message>
    <message>
        <source>All transactions</source>
        <translation />
    </message>
    <message>
        <source>{points} points expire after {date}</source>
        <translation />
    </message>
    <message>
        <source>No points due to expire</source>
        <translation />
    </message>
    <message>
        <source>¥{amount} more spending to {tier} (12-month spend ¥{spend})</source>
        <translation />
    </message>
    <message>
        <source>Top tier (12-month spend ¥{spend})</source>
        <translation />
    </message>
    <message>
        <source>{stage} · {segment}: {action}</source>
        <translation />
    </message>
    <message>
        <source>Benefits available now: {list}</source>
        <translation />
    </message>
    <message>
        <source>none</source>
        <translation />
    </message>
    <message>
        <source>Coupons held: {list}</source>
        <translation />
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Enrollment</source>
        <translation />
    </message>
    <message>
        <source>Profile change</source>
        <translation />
    </message>
    <message>
        <source>Points for purchase</source>
        <translation />
    </message>
    <message>
        <source>Receipt credit</source>
        <translation />
    </message>
    <message>
        <source>Gift redemption</source>
        <translation />
    </message>
    <message>
        <source>Points as cash</source>
        <translation />
    </message>
    <message>
        <source>Coupon verified</source>
        <translation />
    </message>
    <message>
        <source>Benefit claimed</source>
        <translation />
    </message>
    <message>
        <source>Reversal</source>
        <translation />
    </message>
    <message>
        <source>Points adjustment</source>
        <translation />
    </message>
    <message>
        <source>Member event attended</source>
        <translation />
    </message>
    <message>
        <source>Annual tier review</source>
        <translation />
    </message>
    <message>
        <source>Points donation</source>
        <translation />
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Cosmetics</source>
        <translation />
    </message>
    <message>
        <source>Fashion</source>
        <translation />
    </message>
    <message>
        <source>Jewellery</source>
        <translation />
    </message>
    <message>
        <source>Sports</source>
        <translation />
    </message>
    <message>
        <source>Electronics</source>
        <translation />
    </message>
    <message>
        <source>Dining</source>
        <translation />
    </message>
    <message>
        <source>Entertainment</source>
        <translation />
    </message>
    <message>
        <source>Kids</source>
        <translation />
    </message>
    <message>
        <source>Gift</source>
        <translation />
    </message>
    <message>
        <source>Parking voucher</source>
        <translation />
    </message>
    <message>
        <source>Ticket</source>
        <translation />
    </message>
    <message>
        <source>Coupon</source>
        <translation />
    </message>
    <message>
        <source>Mondays</source>
        <translation />
    </message>
    <message>
        <source>Tuesdays</source>
        <translation />
    </message>
    <message>
        <source>Wednesdays</source>
        <translation />
    </message>
    <message>
        <source>Thursdays</source>
        <translation />
    </message>
    <message>
        <source>Fridays</source>
        <translation />
    </message>
    <message>
        <source>Saturdays</source>
        <translation />
    </message>
    <message>
        <source>Sundays</source>
        <translation />
    </message>
    <message>
        <source>None</source>
        <translation />
    </message>
    <message>
        <source>{percent}% off</source>
        <translation />
    </message>
    <message>
        <source>{days} days from issue</source>
        <translation />
    </message>
    <message>
        <source>Yes</source>
        <translation />
    </message>
    <message>
        <source>No</source>
        <translation />
    </message>
    <message>
        <source>Member benefits handbook</source>
        <translation />
    </message>
    <message>
        <source>Rules version {version}. Every figure below is the programme in force when this page was printed.</source>
        <translation />
    </message>
    <message>
        <source>Qualifying spend, last {days} days</source>
        <translation />
    </message>
    <message>
        <source>Points per yuan</source>
        <translation />
    </message>
    <message>
        <source>Tier discount</source>
        <translation />
    </message>
    <message>
        <source>Free parking per visit</source>
        <translation />
    </message>
    <message>
        <source>{hours} h</source>
        <translation />
    </message>
    <message>
        <source>Birthday gift (birthday month)</source>
        <translation />
    </message>
    <message>
        <source>Lounge</source>
        <translation />
    </message>
    <message>
        <source>Tiers</source>
        <translation />
    </message>
    <message>
        <source>You move up at once when your qualifying spend over the last {days} days reaches a tier&apos;s threshold.</source>
        <translation />
    </message>
    <message>
        <source>Or earn {points} points from purchases in a calendar year to reach {tier}.</source>
        <translation />
    </message>
    <message>
        <source>Or attend {events} member events in a calendar year to move up one tier.</source>
        <translation />
    </message>
    <message>
        <source>Tiers are reviewed once a year on the 1st of month {month}; a tier your spend no longer supports moves down at most {steps} step(s).</source>
        <translation />
    </message>
    <message>
        <source>Moving up and down</source>
        <translation />
    </message>
    <message>
        <source>Points = amount paid in yuan × your tier&apos;s points per yuan × any campaign multiplier, rounded down.</source>
        <translation />
    </message>
    <message>
        <source>Welcome points on joining: {points}.</source>
        <translation />
    </message>
    <message>
        <source>Bring a friend: you receive {referrer} points and your friend {referee} points when they join.</source>
        <translation />
    </message>
    <message>
        <source>Double-points days ({dates}): points ×{mult}.</source>
        <translation />
    </message>
    <message>
        <source>Every {days}: points ×{mult}.</source>
        <translation />
    </message>
    <message>
        <source>Category bonus: {list}.</source>
        <translation />
    </message>
    <message>
        <source>Member day, the {day}th of every month: points ×{mult}; gift: {gift}.</source>
        <translation />
    </message>
    <message>
        <source>Campaign multipliers combine, up to ×{max} in total.</source>
        <translation />
    </message>
    <message>
        <source>Earning points</source>
        <translation />
    </message>
    <message>
        <source>Receipts, expiry and using points</source>
        <translation />
    </message>
    <message>
        <source>Receipt credit: bring a receipt from any store in the mall to a service desk within {days} days of purchase. Each receipt earns points once. Up to {count} receipts a day; receipts above {amount} need a manager&apos;s approval.</source>
        <translation />
    </message>
    <message>
        <source>Expiry: points earned in a year stay valid until 31 December, {years} year(s) later. The oldest points are always used first.</source>
        <translation />
    </message>
    <message>
        <source>Points as cash: {points} points = ¥1 at checkout, for up to {percent}% of a purchase.</source>
        <translation />
    </message>
    <message>
        <source>When the system is offline, a member can redeem at most {points} points a day.</source>
        <translation />
    </message>
    <message>
        <source>Gift catalogue</source>
        <translation />
    </message>
    <message>
        <source>Code</source>
        <translation />
    </message>
    <message>
        <source>Item</source>
        <translation />
    </message>
    <message>
        <source>Kind</source>
        <translation />
    </message>
    <message>
        <source>Points</source>
        <translation />
    </message>
    <message>
        <source>While stocks last at each desk.</source>
        <translation />
    </message>
    <message>
        <source>Coupons</source>
        <translation />
    </message>
    <message>
        <source>Minimum spend</source>
        <translation />
    </message>
    <message>
        <source>Valid</source>
        <translation />
    </message>
    <message>
        <source>Terms</source>
        <translation />
    </message>
    <message>
        <source>Rules {version}</source>
        <translation />
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation />
    </message>
    <message>
        <source>REPRINT / 重印</source>
        <translation />
    </message>
    <message>
        <source>Reprinted {at}</source>
        <translation />
    </message>
    <message>
        <source>Offline: provisional until this terminal syncs</source>
        <translation />
    </message>
    <message>
        <source>Time</source>
        <translation />
    </message>
    <message>
        <source>Desk</source>
        <translation />
    </message>
    <message>
        <source>Staff</source>
        <translation />
    </message>
    <message>
        <source>Reference</source>
        <translation />
    </message>
    <message>
        <source>Member no.</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Mobile</source>
        <translation />
    </message>
    <message>
        <source>Tier</source>
        <translation />
    </message>
    <message>
        <source>Not linked to a member</source>
        <translation />
    </message>
    <message>
        <source>Value to the member</source>
        <translation />
    </message>
    <message>
        <source>Points before</source>
        <translation />
    </message>
    <message>
        <source>This transaction</source>
        <translation />
    </message>
    <message>
        <source>Points now</source>
        <translation />
    </message>
    <message>
        <source>{points} points expire on {date}</source>
        <translation />
    </message>
    <message>
        <source>Spend {amount} more to reach {tier}</source>
        <translation />
    </message>
    <message>
        <source>Highest tier: thank you for your loyalty</source>
        <translation />
    </message>
    <message>
        <source>I confirm I received the above.</source>
        <translation />
    </message>
    <message>
        <source>Member signature</source>
        <translation />
    </message>
    <message>
        <source>Keep this receipt. Scan the code to reprint or check it.</source>
        <translation />
    </message>
    <message>
        <source>Printer test</source>
        <translation />
    </message>
    <message>
        <source>Model</source>
        <translation />
    </message>
    <message>
        <source>Connection</source>
        <translation />
    </message>
    <message>
        <source>Encoding</source>
        <translation />
    </message>
    <message>
        <source>Paper</source>
        <translation />
    </message>
    <message>
        <source>If this line shows Chinese correctly, the encoding is right:</source>
        <translation />
    </message>
    <message>
        <source>Service desk</source>
        <translation />
    </message>
    <message>
        <source>Checkout</source>
        <translation />
    </message>
    <message>
        <source>Paper slip</source>
        <translation />
    </message>
    <message>
        <source>Purchases at checkout</source>
        <translation />
    </message>
    <message>
        <source>Receipts credited</source>
        <translation />
    </message>
    <message>
        <source>Welcome points</source>
        <translation />
    </message>
    <message>
        <source>Referral points</source>
        <translation />
    </message>
    <message>
        <source>Adjustments</source>
        <translation />
    </message>
    <message>
        <source>Member events</source>
        <translation />
    </message>
    <message>
        <source>Reversals</source>
        <translation />
    </message>
    <message>
        <source>Points as cash</source>
        <translation />
    </message>
    <message>
        <source>Points donation</source>
        <translation />
    </message>
    <message>
        <source>Birthday gift</source>
        <translation />
    </message>
    <message>
        <source>Free parking</source>
        <translation />
    </message>
    <message>
        <source>Member-day gift</source>
        <translation />
    </message>
    <message>
        <source>Enrollment slip</source>
        <translation />
    </message>
    <message>
        <source>Receipt-credit slip</source>
        <translation />
    </message>
    <message>
        <source>Redemption slip</source>
        <translation />
    </message>
    <message>
        <source>Benefit slip</source>
        <translation />
    </message>
    <message>
        <source>Member number or mobile number</source>
        <translation />
    </message>
    <message>
        <source>Mobile number</source>
        <translation />
    </message>
    <message>
        <source>Birthday (month-day, year optional)</source>
        <translation />
    </message>
    <message>
        <source>Gender (optional)</source>
        <translation />
    </message>
    <message>
        <source>Referrer</source>
        <translation />
    </message>
    <message>
        <source>Store (tenant) name or code</source>
        <translation />
    </message>
    <message>
        <source>Receipt number</source>
        <translation />
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation />
    </message>
    <message>
        <source>Purchase date</source>
        <translation />
    </message>
    <message>
        <source>Gift code and name</source>
        <translation />
    </message>
    <message>
        <source>Benefit: birthday / parking / member day</source>
        <translation />
    </message>
    <message>
        <source>Parking hours</source>
        <translation />
    </message>
    <message>
        <source>Outage kit</source>
        <translation />
    </message>
    <message>
        <source>Fill in by hand during an outage; key in at this desk when the system is back.</source>
        <translation />
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation />
    </message>
    <message>
        <source>Time (HH:MM)</source>
        <translation />
    </message>
    <message>
        <source>Staff number and signature</source>
        <translation />
    </message>
    <message>
        <source>I accept the member privacy policy (required)</source>
        <translation />
    </message>
    <message>
        <source>I agree to receive marketing messages (optional)</source>
        <translation />
    </message>
    <message>
        <source>Second person (amounts above the limit)</source>
        <translation />
    </message>
    <message>
        <source>Points for purchase</source>
        <translation />
    </message>
    <message>
        <source>Receipt credit</source>
        <translation />
    </message>
    <message>
        <source>Gift redemption</source>
        <translation />
    </message>
    <message>
        <source>Coupon verified</source>
        <translation />
    </message>
    <message>
        <source>Benefit claimed</source>
        <translation />
    </message>
    <message>
        <source>None in this period.</source>
        <translation />
    </message>
    <message>
        <source>Total</source>
        <translation />
    </message>
    <message>
        <source>Enrollments by staff and channel</source>
        <translation />
    </message>
    <message>
        <source>Channel</source>
        <translation />
    </message>
    <message>
        <source>New members</source>
        <translation />
    </message>
    <message>
        <source>Points earned by source</source>
        <translation />
    </message>
    <message>
        <source>Source</source>
        <translation />
    </message>
    <message>
        <source>Operations</source>
        <translation />
    </message>
    <message>
        <source>Qualifying spend</source>
        <translation />
    </message>
    <message>
        <source>Quantity</source>
        <translation />
    </message>
    <message>
        <source>Points redeemed by gift, voucher, cash offset and donation</source>
        <translation />
    </message>
    <message>
        <source>Cash value</source>
        <translation />
    </message>
    <message>
        <source>Coupons verified</source>
        <translation />
    </message>
    <message>
        <source>Verified</source>
        <translation />
    </message>
    <message>
        <source>Face value</source>
        <translation />
    </message>
    <message>
        <source>Benefits claimed</source>
        <translation />
    </message>
    <message>
        <source>Benefit</source>
        <translation />
    </message>
    <message>
        <source>Claimed</source>
        <translation />
    </message>
    <message>
        <source>Reversed</source>
        <translation />
    </message>
    <message>
        <source>By / approved</source>
        <translation />
    </message>
    <message>
        <source>Reason</source>
        <translation />
    </message>
    <message>
        <source>Points adjustments</source>
        <translation />
    </message>
    <message>
        <source>Paper slips keyed in</source>
        <translation />
    </message>
    <message>
        <source>Serial</source>
        <translation />
    </message>
    <message>
        <source>Slip</source>
        <translation />
    </message>
    <message>
        <source>Written</source>
        <translation />
    </message>
    <message>
        <source>Keyed in</source>
        <translation />
    </message>
    <message>
        <source>By</source>
        <translation />
    </message>
    <message>
        <source>Issued slips not keyed in yet</source>
        <translation />
    </message>
    <message>
        <source>Count</source>
        <translation />
    </message>
    <message>
        <source>Serials</source>
        <translation />
    </message>
    <message>
        <source>OPEN</source>
        <translation />
    </message>
    <message>
        <source>Sync exceptions opened and resolved</source>
        <translation />
    </message>
    <message>
        <source>Opened</source>
        <translation />
    </message>
    <message>
        <source>Terminal</source>
        <translation />
    </message>
    <message>
        <source>What happened</source>
        <translation />
    </message>
    <message>
        <source>Resolution</source>
        <translation />
    </message>
    <message>
        <source>{count} still open</source>
        <translation />
    </message>
    <message>
        <source>Stock movements</source>
        <translation />
    </message>
    <message>
        <source>Opening</source>
        <translation />
    </message>
    <message>
        <source>Handed out</source>
        <translation />
    </message>
    <message>
        <source>Returned</source>
        <translation />
    </message>
    <message>
        <source>Received</source>
        <translation />
    </message>
    <message>
        <source>Closing</source>
        <translation />
    </message>
    <message>
        <source>never</source>
        <translation />
    </message>
    <message>
        <source>unknown</source>
        <translation />
    </message>
    <message>
        <source>Synced</source>
        <translation />
    </message>
    <message>
        <source>NOT SYNCED</source>
        <translation />
    </message>
    <message>
        <source>Completeness: terminal sync</source>
        <translation />
    </message>
    <message>
        <source>Last sync</source>
        <translation />
    </message>
    <message>
        <source>Operations waiting</source>
        <translation />
    </message>
    <message>
        <source>Status</source>
        <translation />
    </message>
    <message>
        <source>No terminals listed.</source>
        <translation />
    </message>
    <message>
        <source>Stock counted at handover</source>
        <translation />
    </message>
    <message>
        <source>Expected</source>
        <translation />
    </message>
    <message>
        <source>Counted</source>
        <translation />
    </message>
    <message>
        <source>Difference</source>
        <translation />
    </message>
    <message>
        <source>No stock was counted.</source>
        <translation />
    </message>
    <message>
        <source>Points earned</source>
        <translation />
    </message>
    <message>
        <source>Points redeemed</source>
        <translation />
    </message>
    <message>
        <source>Items handed out</source>
        <translation />
    </message>
    <message>
        <source>Reversals / adjustments</source>
        <translation />
    </message>
    <message>
        <source>Open exceptions</source>
        <translation />
    </message>
    <message>
        <source>Points redeemed by item</source>
        <translation />
    </message>
    <message>
        <source>Operations per hour</source>
        <translation />
    </message>
    <message>
        <source>INCOMPLETE: {count} of {total} terminals had not synced all of this period&apos;s operations ({names}). Their operations are missing from these figures; print the report again after they sync.</source>
        <translation />
    </message>
    <message>
        <source>Complete: every terminal had synced all of this period&apos;s operations.</source>
        <translation />
    </message>
    <message>
        <source>Daily report</source>
        <translation />
    </message>
    <message>
        <source>Business day {day} · {mall} · printed {at} by {who}</source>
        <translation />
    </message>
    <message>
        <source>Prepared by</source>
        <translation />
    </message>
    <message>
        <source>Desk supervisor</source>
        <translation />
    </message>
    <message>
        <source>Store manager</source>
        <translation />
    </message>
    <message>
        <source>Date</source>
        <translation />
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation />
    </message>
    <message>
        <source>Shift handover</source>
        <translation />
    </message>
    <message>
        <source>{desk} · {start} to {end} · business day {day} · printed {at}</source>
        <translation />
    </message>
    <message>
        <source>Stock count differs from the system for {count} items; explain each difference before signing.</source>
        <translation />
    </message>
    <message>
        <source>Gifts handed out</source>
        <translation />
    </message>
    <message>
        <source>Handed over by</source>
        <translation />
    </message>
    <message>
        <source>Taken over by</source>
        <translation />
    </message>
    <message>
        <source>Mall</source>
        <translation />
    </message>
    <message>
        <source>Business day</source>
        <translation />
    </message>
    <message>
        <source>Printed</source>
        <translation />
    </message>
    <message>
        <source>COMPLETE</source>
        <translation />
    </message>
    <message>
        <source>Shift</source>
        <translation />
    </message>
    <message>
        <source>Could not save the PDF to {path}: {problem}. Choose another folder and try again.</source>
        <translation />
    </message>
    <message>
        <source>Printing is not set up on this terminal (the print service is not installed). Save the document as PDF instead, and ask IT to install the printer.</source>
        <translation />
    </message>
    <message>
        <source>The print service did not answer within {seconds} seconds. Check the printer, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>The print service on this terminal is not running. Restart the terminal or ask IT, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” is out of paper. Load a new roll, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” has a paper jam. Clear it, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” has its cover open. Close it, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” is offline. Check its power and cable, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” is stopped ({detail}). Check the printer, ask a manager to resume it, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” is not set up on this terminal. Choose another printer in Settings, or save as PDF.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” is not accepting jobs. Ask a manager to enable it, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>No printer is chosen and this terminal has no default printer. Choose a printer in Settings, or save as PDF.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” refused the job: {detail}. Check the printer, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” has not finished the job after {seconds} seconds. Check the printer; reprint if nothing came out.</source>
        <translation />
    </message>
    <message>
        <source>This computer has no program that prints PDF files ({detail}). Ask IT to install a PDF reader, or save as PDF.</source>
        <translation />
    </message>
    <message>
        <source>Lounge visits</source>
        <translation />
    </message>
    <message>
        <source>Member events attended</source>
        <translation />
    </message>
    <message>
        <source>Member annual statement {year}</source>
        <translation />
    </message>
    <message>
        <source>{mall} · prepared {date}</source>
        <translation />
    </message>
    <message>
        <source>Member since</source>
        <translation />
    </message>
    <message>
        <source>Points you earned</source>
        <translation />
    </message>
    <message>
        <source>Points you used</source>
        <translation />
    </message>
    <message>
        <source>Saved</source>
        <translation />
    </message>
    <message>
        <source>Points per month</source>
        <translation />
    </message>
    <message>
        <source>{month}M</source>
        <translation />
    </message>
    <message>
        <source>Earned</source>
        <translation />
    </message>
    <message>
        <source>Redeemed</source>
        <translation />
    </message>
    <message>
        <source>Balance on 1 January</source>
        <translation />
    </message>
    <message>
        <source>Expired</source>
        <translation />
    </message>
    <message>
        <source>Adjustments and reversals</source>
        <translation />
    </message>
    <message>
        <source>Balance at year end</source>
        <translation />
    </message>
    <message>
        <source>What membership saved you</source>
        <translation />
    </message>
    <message>
        <source>Tier discounts</source>
        <translation />
    </message>
    <message>
        <source>Points used as cash</source>
        <translation />
    </message>
    <message>
        <source>Coupons used</source>
        <translation />
    </message>
    <message>
        <source>Total saved</source>
        <translation />
    </message>
    <message>
        <source>None this year.</source>
        <translation />
    </message>
    <message>
        <source>Benefits used</source>
        <translation />
    </message>
    <message>
        <source>Times</source>
        <translation />
    </message>
    <message>
        <source>Gifts redeemed</source>
        <translation />
    </message>
    <message>
        <source>{count} purchases earned points this year.</source>
        <translation />
    </message>
    <message>
        <source>{points} points expire on {date}: use them before then.</source>
        <translation />
    </message>
    <message>
        <source>Thank you for being our member.</source>
        <translation />
    </message>
    <message>
        <source>Welcome</source>
        <translation />
    </message>
    <message>
        <source>Welcome to our membership!</source>
        <translation />
    </message>
    <message>
        <source>Member no. {member_no}</source>
        <translation />
    </message>
    <message>
        <source>Show this code at any desk or checkout to earn and use points.</source>
        <translation />
    </message>
    <message>
        <source>Code valid until {date}</source>
        <translation />
    </message>
    <message>
        <source>Welcome gift: {gift}</source>
        <translation />
    </message>
    <message>
        <source>Keep this slip safe: the code identifies you as a member.</source>
        <translation />
    </message>
    <message>
        <source>“{address}” is not a printer network address. Write it as 192.168.1.50 or 192.168.1.50:9100.</source>
        <translation />
    </message>
    <message>
        <source>Unknown printer model “{profile}”. Choose one of: {choices}.</source>
        <translation />
    </message>
    <message>
        <source>Unknown printer connection “{transport}”. Choose usb, tcp or cups.</source>
        <translation />
    </message>
    <message>
        <source>The printer address is empty. Give the device (/dev/usb/lp0), the network address (192.168.1.50:9100) or the print queue&apos;s name.</source>
        <translation />
    </message>
    <message>
        <source>Receipt paper must be 80 or 58 mm wide.</source>
        <translation />
    </message>
    <message>
        <source>The {model} takes {widths} mm paper, not {width} mm.</source>
        <translation />
    </message>
    <message>
        <source>Unknown printer encoding “{encoding}”. Choose GB18030, GBK or UTF-8.</source>
        <translation />
    </message>
    <message>
        <source>Printer “{printer}” does not answer. Check that it is switched on and its network cable is plugged in, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>This terminal may not use the printer at {device}. Ask IT to add the desk&apos;s user to the “lp” group, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>No printer is connected at {device}. Check the USB cable and that the printer is on, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>The connection to printer “{printer}” was lost while printing. Check the printer and its cable, then reprint.</source>
        <translation />
    </message>
    <message>
        <source>I confirm this donation of my points.</source>
        <translation />
    </message>
</context>
<context>
    <name>PrinterService</name>
    <message>
        <source>No printer is chosen for this desk yet: open Settings, choose it and make a test print.</source>
        <translation />
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation />
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation />
    </message>
    <message>
        <source>Save as PDF</source>
        <translation />
    </message>
    <message>
        <source>Printer test</source>
        <translation />
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Upgraded to {tier}!</source>
        <translation />
    </message>
    <message>
        <source>Campaign multiplier ×{mult} applied</source>
        <translation />
    </message>
    <message>
        <source>Welcome points: {points}</source>
        <translation />
    </message>
    <message>
        <source>Referral points: {points} (referrer {referrer} receives {referrer_points})</source>
        <translation />
    </message>
    <message>
        <source>Changed: {field}</source>
        <translation />
    </message>
    <message>
        <source>Tier discount {percent}% off: −¥{discount}, to pay ¥{paid}</source>
        <translation />
    </message>
    <message>
        <source>Purchase ¥{amount}: {points} points</source>
        <translation />
    </message>
    <message>
        <source>Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points</source>
        <translation />
    </message>
    <message>
        <source>Approved by manager {staff}</source>
        <translation />
    </message>
    <message>
        <source>{quantity} × {item}: −{points} points</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code}, valid {first} to {last}</source>
        <translation />
    </message>
    <message>
        <source>{points} points paid ¥{value} of a ¥{amount} purchase</source>
        <translation />
    </message>
    <message>
        <source>Donated {points} points to {campaign}</source>
        <translation />
    </message>
    <message>
        <source>Thank you! Donated points are passed on to the campaign and not refunded.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code}: {name}, value ¥{value}</source>
        <translation />
    </message>
    <message>
        <source>Birthday gift: {gift}</source>
        <translation />
    </message>
    <message>
        <source>Lounge access today</source>
        <translation />
    </message>
    <message>
        <source>Double points on the birthday</source>
        <translation />
    </message>
    <message>
        <source>Free parking: {hours} h</source>
        <translation />
    </message>
    <message>
        <source>Member-day gift: {gift}</source>
        <translation />
    </message>
    <message>
        <source>Adjustment {points:+d} points: {reason}</source>
        <translation />
    </message>
    <message>
        <source>Reversal of {kind} {ref}: {reason}</source>
        <translation />
    </message>
    <message>
        <source>Event attended: {event}</source>
        <translation />
    </message>
    <message>
        <source>Tier after annual review: {tier}</source>
        <translation />
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Credit a store receipt</source>
        <translation />
    </message>
    <message>
        <source>Store</source>
        <translation />
    </message>
    <message>
        <source>Receipt number</source>
        <translation />
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation />
    </message>
    <message>
        <source>Purchase date</source>
        <translation />
    </message>
    <message>
        <source>Manager (if needed)</source>
        <translation />
    </message>
    <message>
        <source>Manager PIN</source>
        <translation />
    </message>
    <message>
        <source>Search by name, code or floor…</source>
        <translation />
    </message>
    <message>
        <source>Credit receipt</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>Choose the store the receipt is from.</source>
        <translation />
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Member {member_no} is not active (merged or closed); look up the current record.</source>
        <translation />
    </message>
    <message>
        <source>Not enough points: this needs {need}, the member has {have}.</source>
        <translation />
    </message>
    <message>
        <source>Referrer {member_no} was not found; check the number or leave it empty.</source>
        <translation />
    </message>
    <message>
        <source>“{category}” is not a purchase category; choose one of: {choices}.</source>
        <translation />
    </message>
    <message>
        <source>Store code {code} is not a tenant of this mall.</source>
        <translation />
    </message>
    <message>
        <source>This receipt was already credited on {when} at {desk} (member {member}).</source>
        <translation />
    </message>
    <message>
        <source>The purchase date {date} is in the future.</source>
        <translation />
    </message>
    <message>
        <source>Receipts older than {max} days cannot be credited (this one is {age} days old).</source>
        <translation />
    </message>
    <message>
        <source>This member already credited {count} receipts today; a manager must approve more.</source>
        <translation />
    </message>
    <message>
        <source>Receipts above ¥{limit} need a manager&apos;s approval.</source>
        <translation />
    </message>
    <message>
        <source>Offline, a member can redeem at most {cap} points a day ({used} used today). Try again when the terminal is online.</source>
        <translation />
    </message>
    <message>
        <source>Gift {code} is not in the catalogue.</source>
        <translation />
    </message>
    <message>
        <source>Only {left} of “{item}” left at this desk.</source>
        <translation />
    </message>
    <message>
        <source>Coupons are redeemed one at a time.</source>
        <translation />
    </message>
    <message>
        <source>Points as cash go in steps of {step} points.</source>
        <translation />
    </message>
    <message>
        <source>Points can pay at most {percent}% of this purchase (¥{limit}).</source>
        <translation />
    </message>
    <message>
        <source>There is no donation campaign {code}; the campaigns are: {choices}.</source>
        <translation />
    </message>
    <message>
        <source>A donation to {campaign} is from {low} to {high} points.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} is not known here; it may be forged, or the terminal needs a sync.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} was already used on {when} at {where}.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} has been cancelled.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} is valid from {date}.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} expired on {date}.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} belongs to another member.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} needs a purchase of at least ¥{min}.</source>
        <translation />
    </message>
    <message>
        <source>The birthday gift for {period} was already claimed.</source>
        <translation />
    </message>
    <message>
        <source>Free parking was already claimed today ({period}).</source>
        <translation />
    </message>
    <message>
        <source>The member-day gift was already claimed today ({period}).</source>
        <translation />
    </message>
    <message>
        <source>The birthday gift can be claimed in the birthday month only.</source>
        <translation />
    </message>
    <message>
        <source>Today is not member day (the {day}th of each month).</source>
        <translation />
    </message>
    <message>
        <source>This tier has no free parking.</source>
        <translation />
    </message>
    <message>
        <source>No coupon number was allocated; try again.</source>
        <translation />
    </message>
    <message>
        <source>This kind of transaction cannot be reversed.</source>
        <translation />
    </message>
    <message>
        <source>This transaction was already reversed.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} issued with this transaction was already used.</source>
        <translation />
    </message>
    <message>
        <source>The member has only {have} of the {need} points to take back; a manager can adjust instead.</source>
        <translation />
    </message>
    <message>
        <source>Attendance at {event} is already recorded.</source>
        <translation />
    </message>
    <message>
        <source>The annual review runs on the first day of month {month}.</source>
        <translation />
    </message>
    <message>
        <source>The {year} review was already done for this member.</source>
        <translation />
    </message>
    <message>
        <source>This mobile number already belongs to member {member_no}; opening that member.</source>
        <translation />
    </message>
    <message>
        <source>That transaction was not found on this terminal.</source>
        <translation />
    </message>
    <message>
        <source>Slip {serial} was never issued by this desk; check the serial on the slip.</source>
        <translation />
    </message>
    <message>
        <source>Slip {serial} was already keyed in on {when} by {staff}; it is not entered twice.</source>
        <translation />
    </message>
    <message>
        <source>No member has the phone number {phone}; check the slip.</source>
        <translation />
    </message>
    <message>
        <source>Member {member_no} was not found on this terminal.</source>
        <translation />
    </message>
    <message>
        <source>There is no staff member {staff_no}.</source>
        <translation />
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Done</source>
        <translation />
    </message>
    <message>
        <source>Print receipt</source>
        <translation />
    </message>
    <message>
        <source>Save as PDF</source>
        <translation />
    </message>
    <message>
        <source>Back to member</source>
        <translation />
    </message>
    <message>
        <source>Print welcome slip</source>
        <translation />
    </message>
    <message>
        <source>{before} → {after} points</source>
        <translation />
    </message>
    <message>
        <source>Saved on this terminal; it will be sent to the server when online.</source>
        <translation />
    </message>
    <message>
        <source>Back</source>
        <translation />
    </message>
</context>
<context>
    <name>ReverseScreen</name>
    <message>
        <source>Reverse a transaction</source>
        <translation />
    </message>
    <message>
        <source>Reason</source>
        <translation />
    </message>
    <message>
        <source>Reverse</source>
        <translation />
    </message>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
    <message>
        <source>{time} · {kind} · {points} points</source>
        <translation />
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>{field}: {problem}</source>
        <translation />
    </message>
    <message>
        <source>must be a table</source>
        <translation />
    </message>
    <message>
        <source>missing</source>
        <translation />
    </message>
    <message>
        <source>must be a whole number from {lo} to {hi}, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be a non-empty string, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be a decimal written as a string such as &quot;1.5&quot;, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be between {lo} and {hi}, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be a table with {languages}</source>
        <translation />
    </message>
    <message>
        <source>missing or empty</source>
        <translation />
    </message>
    <message>
        <source>not valid TOML ({error})</source>
        <translation />
    </message>
    <message>
        <source>unknown time zone {value}</source>
        <translation />
    </message>
    <message>
        <source>must list at least one tier</source>
        <translation />
    </message>
    <message>
        <source>use letters, digits and underscores, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be higher than the tier before it</source>
        <translation />
    </message>
    <message>
        <source>{value} appears twice</source>
        <translation />
    </message>
    <message>
        <source>the first tier must start at 0</source>
        <translation />
    </message>
    <message>
        <source>unknown tier {value}</source>
        <translation />
    </message>
    <message>
        <source>must list dates like 2026-12-12</source>
        <translation />
    </message>
    <message>
        <source>not a date like 2026-12-12: {value}</source>
        <translation />
    </message>
    <message>
        <source>must list weekdays 1 (Monday) to 7 (Sunday)</source>
        <translation />
    </message>
    <message>
        <source>must be more than lifecycle.active_days</source>
        <translation />
    </message>
    <message>
        <source>must be a list of campaigns ([[donation]] tables)</source>
        <translation />
    </message>
    <message>
        <source>use up to 20 letters, digits and -, got {value}</source>
        <translation />
    </message>
    <message>
        <source>write it in capitals, got {value}</source>
        <translation />
    </message>
    <message>
        <source>must be at least min_points ({low}), got {value}</source>
        <translation />
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Confirm with your PIN</source>
        <translation />
    </message>
    <message>
        <source>Enter your PIN again to confirm this.</source>
        <translation />
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>New</source>
        <translation />
    </message>
    <message>
        <source>Active</source>
        <translation />
    </message>
    <message>
        <source>Dormant</source>
        <translation />
    </message>
    <message>
        <source>Churned</source>
        <translation />
    </message>
    <message>
        <source>High-value loyal</source>
        <translation />
    </message>
    <message>
        <source>Thank them: invite to VIP events, offer early access.</source>
        <translation />
    </message>
    <message>
        <source>High-value, developing</source>
        <translation />
    </message>
    <message>
        <source>Encourage return visits: suggest a member-day offer.</source>
        <translation />
    </message>
    <message>
        <source>High-value, slipping away</source>
        <translation />
    </message>
    <message>
        <source>Keep them: mention points expiring and tier benefits.</source>
        <translation />
    </message>
    <message>
        <source>High-value, dormant — worth waking</source>
        <translation />
    </message>
    <message>
        <source>Win back: offer a personal coupon or a birthday reminder.</source>
        <translation />
    </message>
    <message>
        <source>Regular, loyal</source>
        <translation />
    </message>
    <message>
        <source>Upsell: point out how close the next tier is.</source>
        <translation />
    </message>
    <message>
        <source>New or occasional</source>
        <translation />
    </message>
    <message>
        <source>Welcome them: explain receipt crediting and gifts.</source>
        <translation />
    </message>
    <message>
        <source>Regular, drifting</source>
        <translation />
    </message>
    <message>
        <source>Remind them of unused benefits and parking.</source>
        <translation />
    </message>
    <message>
        <source>Low-value, dormant</source>
        <translation />
    </message>
    <message>
        <source>Low priority: include in mass campaigns only.</source>
        <translation />
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Operation {op_id} arrived damaged (its checksum does not match).</source>
        <translation />
    </message>
    <message>
        <source>Operation {op_id} was already received with different content; it is not applied again.</source>
        <translation />
    </message>
    <message>
        <source>This terminal&apos;s operation log has forked from the server&apos;s (it was restored from a backup); its new operations must continue in a new epoch.</source>
        <translation />
    </message>
    <message>
        <source>Operations are missing before {epoch}/{seq}; send from {expected}.</source>
        <translation />
    </message>
    <message>
        <source>The server could not apply this operation ({error}); it is kept for an administrator, who applies it with “memberdesk-server reapply” once the fault is fixed. The desk keeps it as it is.</source>
        <translation />
    </message>
    <message>
        <source>Refused: {kind} by staff {staff_no}, whose role ({role}) may not do this. Check the desk&apos;s staff list and whether the terminal was tampered with.</source>
        <translation />
    </message>
    <message>
        <source>Refused: {kind} by staff {staff_no}, who was disabled on {since}. Check whether the terminal was tampered with or had not synced since.</source>
        <translation />
    </message>
    <message>
        <source>Booked although not permitted: {kind} by staff {staff_no}, whose role ({role}) may not do this; it was already handed over. Check it and whether the terminal was tampered with.</source>
        <translation />
    </message>
    <message>
        <source>Member number {member_no} is already used by another member; this enrollment was not recorded.</source>
        <translation />
    </message>
    <message>
        <source>A redemption for member {member_no} was booked although the member had {short} points too few (the gift was already handed over). Decide whether to recover the points.</source>
        <translation />
    </message>
    <message>
        <source>Operations of kind {kind} are not accepted.</source>
        <translation />
    </message>
    <message>
        <source>Coupon code {code} is already in use; this coupon was not issued.</source>
        <translation />
    </message>
    <message>
        <source>Member {alias} has the same mobile number as member {primary}, who enrolled first; it was merged into {primary}. Review the merge.</source>
        <translation />
    </message>
    <message>
        <source>Paper slip {serial} was already keyed in.</source>
        <translation />
    </message>
    <message>
        <source>The {field} of member {member_no} was changed at two desks at once; the later change was kept. Check which is right.</source>
        <translation />
    </message>
    <message>
        <source>A staff number is 1 to 16 letters or digits.</source>
        <translation />
    </message>
    <message>
        <source>The role must be desk, cashier or manager.</source>
        <translation />
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation />
    </message>
    <message>
        <source>Staff number {staff_no} is not known.</source>
        <translation />
    </message>
    <message>
        <source>Terminal {terminal} is not registered.</source>
        <translation />
    </message>
    <message>
        <source>Gift {code} is not in the catalogue.</source>
        <translation />
    </message>
    <message>
        <source>A terminal code is from 1 to 899.</source>
        <translation />
    </message>
    <message>
        <source>Terminal code {code} is already registered.</source>
        <translation />
    </message>
    <message>
        <source>This desk is already registered as terminal code {have}; this registration code is for terminal code {wanted}. Issue a code for terminal code {have}, or revoke {terminal} first.</source>
        <translation />
    </message>
    <message>
        <source>This registration code is not valid (mistyped, used or expired); ask for a new one.</source>
        <translation />
    </message>
    <message>
        <source>This terminal already has operations under terminal code {have}; issue a registration code for that terminal code.</source>
        <translation />
    </message>
    <message>
        <source>No member-QR key ids are left; retire an old key.</source>
        <translation />
    </message>
    <message>
        <source>Line {line}: the phone number repeats.</source>
        <translation />
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation />
    </message>
    <message>
        <source>Line {line}: points must be a whole number.</source>
        <translation />
    </message>
    <message>
        <source>{phone} already belongs to a member; nothing was imported.</source>
        <translation />
    </message>
    <message>
        <source>Coupon definition {code} is not known.</source>
        <translation />
    </message>
    <message>
        <source>Write down the decision that resolves the exception.</source>
        <translation />
    </message>
    <message>
        <source>Exception {id} does not exist.</source>
        <translation />
    </message>
    <message>
        <source>Exception {id} is already resolved.</source>
        <translation />
    </message>
    <message>
        <source>Operation {op_id} is not quarantined.</source>
        <translation />
    </message>
    <message>
        <source>The server is busy; try again shortly.</source>
        <translation />
    </message>
    <message>
        <source>This terminal is not registered.</source>
        <translation />
    </message>
    <message>
        <source>This terminal&apos;s registration was revoked or is unknown; register it again.</source>
        <translation />
    </message>
    <message>
        <source>Too many requests from this terminal; it will try again shortly.</source>
        <translation />
    </message>
    <message>
        <source>The request is not valid; nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>The server is not set up: {problem}</source>
        <translation />
    </message>
    <message>
        <source>This terminal is too far behind to catch up change by change; set it up from the server&apos;s snapshot (memberdesk bootstrap).</source>
        <translation />
    </message>
    <message>
        <source>No snapshot was built yet; run: memberdesk-server snapshot</source>
        <translation />
    </message>
    <message>
        <source>That snapshot is no longer available.</source>
        <translation />
    </message>
    <message>
        <source>Coupon {code} is not known.</source>
        <translation />
    </message>
    <message>
        <source>This exception can only be resolved on the server by an administrator.</source>
        <translation />
    </message>
    <message>
        <source>Only an active manager may resolve exceptions.</source>
        <translation />
    </message>
    <message>
        <source>The server database is ready.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} saved.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} is disabled; every terminal locks them out at its next sync.</source>
        <translation />
    </message>
    <message>
        <source>Rows {first}–{last} kept from before a divergence ({reason}, {at}).</source>
        <translation />
    </message>
    <message>
        <source>The audit chain of {terminal} is intact ({rows} rows anchored).</source>
        <translation />
    </message>
    <message>
        <source>The audit chain of {terminal} is broken at row {row} ({reason}).</source>
        <translation />
    </message>
    <message>
        <source>Rules {version} loaded.</source>
        <translation />
    </message>
    <message>
        <source>{count} members imported.</source>
        <translation />
    </message>
    <message>
        <source>Registration code for {name}: {code} (valid {hours} h, once).</source>
        <translation />
    </message>
    <message>
        <source>Terminal {terminal} is revoked.</source>
        <translation />
    </message>
    <message>
        <source>Snapshot at change {change_no}: {members} members, {size} bytes, SHA-256 {sha}.</source>
        <translation />
    </message>
    <message>
        <source>Change feed pruned through change {floor}: {deleted} changes deleted.</source>
        <translation />
    </message>
    <message>
        <source>New member-QR signing key {key_id}.</source>
        <translation />
    </message>
    <message>
        <source>Exception {id} resolved.</source>
        <translation />
    </message>
    <message>
        <source>{done} operations applied again; {held} still quarantined.</source>
        <translation />
    </message>
    <message>
        <source>Stock allocated.</source>
        <translation />
    </message>
    <message>
        <source>The request is larger than the server accepts ({limit} bytes).</source>
        <translation />
    </message>
    <message>
        <source>{count} receipts were credited to member {member_no} on {day}; check that they are the member&apos;s own purchases.</source>
        <translation />
    </message>
    <message>
        <source>Member {member_no} redeemed points at {count} desks ({desks}) within {minutes} minutes; check whether the points were spent twice.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} at {terminal} reversed a transaction that has no matching earning on the server ({count} on {day}); check the reversals.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} was disabled on {since}, but operations they made later at {terminal} on {day} arrived ({count} so far) and were booked. Check them, and that the desk has synced since.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} revealed {count} full phone numbers within an hour (up to {at}); check why.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} looked up {count} members within an hour (up to {at}); check why.</source>
        <translation />
    </message>
    <message>
        <source>Staff {staff_no} exported member data at {terminal} ({rows} rows; {count} exports that day); check that the export was authorised.</source>
        <translation />
    </message>
    <message>
        <source>The audit log of {terminal} was rewritten: row {row} differs from what the terminal reported earlier. Find out who had access to the terminal; the server kept the original rows.</source>
        <translation />
    </message>
    <message>
        <source>Audit rows of {terminal} from row {row} on were deleted on the terminal. Find out who had access to the terminal; the server kept the original rows.</source>
        <translation />
    </message>
    <message>
        <source>The audit log of {terminal} has a gap or rows out of order before row {row}. Find out who had access to the terminal.</source>
        <translation />
    </message>
    <message>
        <source>The audit log of {terminal} is broken at row {row} (its link to the previous row does not match). Find out who had access to the terminal.</source>
        <translation />
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation />
    </message>
    <message>
        <source>Server address</source>
        <translation />
    </message>
    <message>
        <source>One-time registration code</source>
        <translation />
    </message>
    <message>
        <source>Receipt paper</source>
        <translation />
    </message>
    <message>
        <source>Camera</source>
        <translation />
    </message>
    <message>
        <source>This terminal</source>
        <translation />
    </message>
    <message>
        <source>Printers</source>
        <translation />
    </message>
    <message>
        <source>Serial scanner (USB-COM mode)</source>
        <translation />
    </message>
    <message>
        <source>Language</source>
        <translation />
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation />
    </message>
    <message>
        <source>Receipt printer</source>
        <translation />
    </message>
    <message>
        <source>Connection</source>
        <translation />
    </message>
    <message>
        <source>Address</source>
        <translation />
    </message>
    <message>
        <source>Chinese encoding</source>
        <translation />
    </message>
    <message>
        <source>Logo (optional)</source>
        <translation />
    </message>
    <message>
        <source>Printer for A4 and PDF</source>
        <translation />
    </message>
    <message>
        <source>Port</source>
        <translation />
    </message>
    <message>
        <source>Speed (baud)</source>
        <translation />
    </message>
    <message>
        <source>PNG file, printed at the top of every slip</source>
        <translation />
    </message>
    <message>
        <source>None: the scanner types (keyboard mode)</source>
        <translation />
    </message>
    <message>
        <source>Register this terminal</source>
        <translation />
    </message>
    <message>
        <source>Test print</source>
        <translation />
    </message>
    <message>
        <source>Save</source>
        <translation />
    </message>
    <message>
        <source>About MemberDesk</source>
        <translation />
    </message>
    <message>
        <source>Back</source>
        <translation />
    </message>
    <message>
        <source>First, choose this desk&apos;s receipt printer and make a test print; then save.</source>
        <translation />
    </message>
    <message>
        <source>The language changes at once, without a restart. Settings are kept in this terminal&apos;s database.</source>
        <translation />
    </message>
    <message>
        <source>No receipt printer (print preview)</source>
        <translation />
    </message>
    <message>
        <source>Printer with a driver (PDF through the print queue)</source>
        <translation />
    </message>
    <message>
        <source>USB (device file)</source>
        <translation />
    </message>
    <message>
        <source>Network (port 9100)</source>
        <translation />
    </message>
    <message>
        <source>Print queue (raw CUPS)</source>
        <translation />
    </message>
    <message>
        <source>As the model ({encoding})</source>
        <translation />
    </message>
    <message>
        <source>80 mm thermal</source>
        <translation />
    </message>
    <message>
        <source>58 mm thermal</source>
        <translation />
    </message>
    <message>
        <source>None (print preview)</source>
        <translation />
    </message>
    <message>
        <source>No camera (scanner only)</source>
        <translation />
    </message>
    <message>
        <source>Camera {index}</source>
        <translation />
    </message>
    <message>
        <source>name of a raw print queue</source>
        <translation />
    </message>
    <message>
        <source>No serial scanner: codes come from the keyboard wedge or camera.</source>
        <translation />
    </message>
    <message>
        <source>Scanner on {port} is connected.</source>
        <translation />
    </message>
    <message>
        <source>Waiting for the scanner on {port} (plug it in; it is found by itself).</source>
        <translation />
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation />
    </message>
    <message>
        <source>Test page sent to {printer}. Check the Chinese line, the ruler and the QR code.</source>
        <translation />
    </message>
    <message>
        <source>MemberDesk {version}
Terminal {terminal} · rules {rules}</source>
        <translation />
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Staff no.</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Role</source>
        <translation />
    </message>
    <message>
        <source>Status</source>
        <translation />
    </message>
    <message>
        <source>Disabled</source>
        <translation />
    </message>
    <message>
        <source>Locked</source>
        <translation />
    </message>
    <message>
        <source>Active</source>
        <translation />
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database at {path} cannot run in safe mode (WAL, synchronous=FULL); check that the folder is on a local disk.</source>
        <translation />
    </message>
    <message>
        <source>This database was upgraded by a newer MemberDesk (migration {name}); install that version or newer.</source>
        <translation />
    </message>
    <message>
        <source>This terminal is not set up yet; run “memberdesk init”.</source>
        <translation />
    </message>
    <message>
        <source>No {name} are loaded on this terminal; run “memberdesk init”.</source>
        <translation />
    </message>
    <message>
        <source>The key for the database at {path} is not in this computer&apos;s keyring. Restore it with “memberdesk store-key import”, or ask IT to restore the keyring; nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>This computer has no keyring to keep the database key in ({detail}). Sign in to the desktop session (Windows: the terminal&apos;s user account) and start MemberDesk again.</source>
        <translation />
    </message>
    <message>
        <source>The database at {path} is in use by another program; close it and try again.</source>
        <translation />
    </message>
    <message>
        <source>The database at {path} cannot be opened with the key in this computer&apos;s keyring: the key is wrong or the file is not a MemberDesk database. Nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>A store key is 64 hexadecimal digits.</source>
        <translation />
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The server&apos;s certificate could not be verified ({error}).</source>
        <translation />
    </message>
    <message>
        <source>The server cannot be reached ({error}).</source>
        <translation />
    </message>
    <message>
        <source>The server had an internal error (HTTP {status}); trying again.</source>
        <translation />
    </message>
    <message>
        <source>The server is busy (HTTP {status}); trying again.</source>
        <translation />
    </message>
    <message>
        <source>The server does not accept this terminal; register it again.</source>
        <translation />
    </message>
    <message>
        <source>The server refused the request (HTTP {status}).</source>
        <translation />
    </message>
    <message>
        <source>The server&apos;s answer was cut off; trying again.</source>
        <translation />
    </message>
    <message>
        <source>The download was interrupted; it resumes where it stopped.</source>
        <translation />
    </message>
    <message>
        <source>The downloaded snapshot is damaged (checksum mismatch).</source>
        <translation />
    </message>
    <message>
        <source>This terminal is not registered with a server yet.</source>
        <translation />
    </message>
    <message>
        <source>Another program is syncing this terminal; trying again shortly.</source>
        <translation />
    </message>
    <message>
        <source>Sync has a problem ({error}); it keeps trying. Tell IT if it stays.</source>
        <translation />
    </message>
    <message>
        <source>Receipt credited at two desks</source>
        <translation />
    </message>
    <message>
        <source>Coupon used at two desks</source>
        <translation />
    </message>
    <message>
        <source>Same phone enrolled twice: merge review</source>
        <translation />
    </message>
    <message>
        <source>Offline redemption overdrew the balance</source>
        <translation />
    </message>
    <message>
        <source>Paper slip keyed in twice</source>
        <translation />
    </message>
    <message>
        <source>Profile changed at two desks</source>
        <translation />
    </message>
    <message>
        <source>Operation by a role not permitted to do it</source>
        <translation />
    </message>
    <message>
        <source>Audit log of this desk rewritten</source>
        <translation />
    </message>
    <message>
        <source>Bulk export</source>
        <translation />
    </message>
    <message>
        <source>Unusually many member look-ups</source>
        <translation />
    </message>
    <message>
        <source>Unusually many phone reveals</source>
        <translation />
    </message>
    <message>
        <source>Many receipts credited to one member</source>
        <translation />
    </message>
    <message>
        <source>One member redeeming at several desks</source>
        <translation />
    </message>
    <message>
        <source>Reversal without a matching earn</source>
        <translation />
    </message>
    <message>
        <source>Work by disabled staff</source>
        <translation />
    </message>
    <message>
        <source>Write down the decision that resolves the exception.</source>
        <translation />
    </message>
    <message>
        <source>Resolving an exception needs the server; try again online.</source>
        <translation />
    </message>
    <message>
        <source>The server could not record the decision: {reason}</source>
        <translation />
    </message>
    <message>
        <source>The snapshot failed its integrity check ({problem}).</source>
        <translation />
    </message>
    <message>
        <source>{count} operations of this terminal are not confirmed by the server yet; sync first.</source>
        <translation />
    </message>
    <message>
        <source>There is no backup file at {path}.</source>
        <translation />
    </message>
    <message>
        <source>The backup {path} cannot be opened with this terminal&apos;s key (made on another computer, or not a MemberDesk backup). Nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>The backup {path} is damaged or not a terminal store ({detail}); nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>The backup is of terminal {backup}, this store is terminal {store}; nothing was changed.</source>
        <translation />
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <source>Sync now</source>
        <translation />
    </message>
    <message>
        <source>Online</source>
        <translation />
    </message>
    <message>
        <source>Offline</source>
        <translation />
    </message>
    <message>
        <source>{count} operations waiting since {since}</source>
        <translation />
    </message>
    <message>
        <source>nothing waiting</source>
        <translation />
    </message>
    <message>
        <source>last sync {when}</source>
        <translation />
    </message>
    <message>
        <source>never</source>
        <translation />
    </message>
    <message>
        <source>{count} open exceptions</source>
        <translation />
    </message>
</context>
<context>
    <name>Tenant</name>
    <message>
        <source>Code</source>
        <translation />
    </message>
    <message>
        <source>Store</source>
        <translation />
    </message>
    <message>
        <source>Floor</source>
        <translation />
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Terminal</source>
        <translation />
    </message>
    <message>
        <source>Terminal code</source>
        <translation />
    </message>
    <message>
        <source>Epoch</source>
        <translation />
    </message>
    <message>
        <source>Rules version</source>
        <translation />
    </message>
    <message>
        <source>Operations waiting to be sent</source>
        <translation />
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation />
    </message>
    <message>
        <source>Members in this store</source>
        <translation />
    </message>
    <message>
        <source>Database</source>
        <translation />
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter the member number (10 digits) or scan the member code.</source>
        <translation />
    </message>
    <message>
        <source>“{value}” is not a member number: a digit is wrong (the check digit does not match).</source>
        <translation />
    </message>
    <message>
        <source>“{value}” is not a valid member number.</source>
        <translation />
    </message>
    <message>
        <source>Please enter an amount.</source>
        <translation />
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation />
    </message>
    <message>
        <source>The amount is more than any single purchase; check it.</source>
        <translation />
    </message>
    <message>
        <source>Please enter a number of points other than zero.</source>
        <translation />
    </message>
    <message>
        <source>{value} points is out of range.</source>
        <translation />
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation />
    </message>
    <message>
        <source>Please enter a date like 2026-11-20.</source>
        <translation />
    </message>
    <message>
        <source>“{key}” must be yes or no.</source>
        <translation />
    </message>
    <message>
        <source>The consent record is missing.</source>
        <translation />
    </message>
    <message>
        <source>Please enter the birthday (month and day).</source>
        <translation />
    </message>
    <message>
        <source>The member must accept the privacy policy to enroll.</source>
        <translation />
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation />
    </message>
    <message>
        <source>“{field}” cannot be edited here.</source>
        <translation />
    </message>
    <message>
        <source>The quantity must be from 1 to 20.</source>
        <translation />
    </message>
    <message>
        <source>Choose the transaction to reverse.</source>
        <translation />
    </message>
    <message>
        <source>Slip {serial} is not a slip for this kind of entry.</source>
        <translation />
    </message>
    <message>
        <source>Unknown operation “{kind}”.</source>
        <translation />
    </message>
    <message>
        <source>The operation has no details.</source>
        <translation />
    </message>
    <message>
        <source>“{text}” is not a mainland mobile number (11 digits starting with 13–19).</source>
        <translation />
    </message>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation />
    </message>
    <message>
        <source>A name can have at most {max} characters.</source>
        <translation />
    </message>
    <message>
        <source>A name may contain letters, spaces, · - and &apos; only, not “{char}”.</source>
        <translation />
    </message>
    <message>
        <source>This field is required.</source>
        <translation />
    </message>
    <message>
        <source>At most {max} characters, please.</source>
        <translation />
    </message>
    <message>
        <source>Use letters, digits, - / and . only (at most {max} characters).</source>
        <translation />
    </message>
    <message>
        <source>Contains an invisible or control character (U+{code}).</source>
        <translation />
    </message>
    <message>
        <source>“{value}” is not a gender the desk records; choose female (女), male (男), other (其他) or none.</source>
        <translation />
    </message>
    <message>
        <source>“{text}” is not a date; write it as 2026-11-20.</source>
        <translation />
    </message>
    <message>
        <source>{text} is not in the calendar: check the month and the day.</source>
        <translation />
    </message>
    <message>
        <source>Write the birthday as month-day, e.g. 03-15, or 1990-03-15.</source>
        <translation />
    </message>
    <message>
        <source>{month}-{day} is not a date in the calendar.</source>
        <translation />
    </message>
    <message>
        <source>The birthday {year}-{month:02d}-{day:02d} is in the future.</source>
        <translation />
    </message>
    <message>
        <source>The birth year {year} is more than 120 years ago; check the year, or leave it out.</source>
        <translation />
    </message>
    <message>
        <source>The birth year {year} is not plausible.</source>
        <translation />
    </message>
    <message>
        <source>{year} had no 29 February.</source>
        <translation />
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation />
    </message>
    <message>
        <source>A staff number is 1 to 16 letters or digits.</source>
        <translation />
    </message>
    <message>
        <source>Choose between 1 and 500 slips of each kind.</source>
        <translation />
    </message>
    <message>
        <source>Write the time on the slip as 2026-11-22 14:30.</source>
        <translation />
    </message>
    <message>
        <source>The time on the slip ({written}) is later than now; check the date and hour.</source>
        <translation />
    </message>
    <message>
        <source>The slip was written on {written}, more than 60 days ago; slips that old are not keyed in.</source>
        <translation />
    </message>
</context>
</TS>
