<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
  <context>
    <name>Amount</name>
    <message>
      <source>“{text}” is not an amount in yuan, e.g. 128.50.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{yuan} yuan is more than any single purchase; check the amount.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Codes</name>
    <message>
      <source>This is not a member code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The member code is incomplete; please scan it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The member code is damaged; please scan it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This member code was signed with a key this terminal does not know (key {key}). Sync the terminal, or look the member up by phone.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This member code is not genuine (signature check failed).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This member code expired on {date}; ask the member to refresh it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{code}” is not a coupon code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The coupon code {code} has a typing error; check it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{code}” is not a paper-slip serial.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Operation</name>
    <message>
      <source>Enrollment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Profile change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Points for purchase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipt credit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gift redemption</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Points as cash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon verified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benefit claimed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reversal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Points adjustment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Member event attended</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Annual tier review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paper slip keyed in</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Receipt</name>
    <message>
      <source>Upgraded to {tier}!</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Campaign multiplier ×{mult} applied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Welcome points: {points}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Referral points: {points} (referrer {referrer} receives {referrer_points})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed: {field}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tier discount {percent}% off: −¥{discount}, to pay ¥{paid}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Purchase ¥{amount}: {points} points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved by manager {staff}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{quantity} × {item}: −{points} points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code}, valid {first} to {last}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{points} points paid ¥{value} of a ¥{amount} purchase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code}: {name}, value ¥{value}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Birthday gift: {gift}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lounge access today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Double points on the birthday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Free parking: {hours} h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Member-day gift: {gift}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adjustment {points:+d} points: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reversal of {kind} {ref}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Event attended: {event}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tier after annual review: {tier}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Refusal</name>
    <message>
      <source>Member {member_no} is not active (merged or closed); look up the current record.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not enough points: this needs {need}, the member has {have}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Referrer {member_no} was not found; check the number or leave it empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Store code {code} is not a tenant of this mall.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This receipt was already credited on {when} at {desk} (member {member}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The purchase date {date} is in the future.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipts older than {max} days cannot be credited (this one is {age} days old).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This member already credited {count} receipts today; a manager must approve more.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipts above ¥{limit} need a manager's approval.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Offline, a member can redeem at most {cap} points a day ({used} used today). Try again when the terminal is online.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gift {code} is not in the catalogue.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only {left} of “{item}” left at this desk.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupons are redeemed one at a time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Points as cash go in steps of {step} points.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Points can pay at most {percent}% of this purchase (¥{limit}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} is not known here; it may be forged, or the terminal needs a sync.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} was already used on {when} at {where}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} has been cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} is valid from {date}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} expired on {date}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} belongs to another member.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} needs a purchase of at least ¥{min}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birthday gift for {period} was already claimed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Free parking was already claimed today ({period}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The member-day gift was already claimed today ({period}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birthday gift can be claimed in the birthday month only.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today is not member day (the {day}th of each month).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This tier has no free parking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No coupon number was allocated; try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This kind of transaction cannot be reversed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This transaction was already reversed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coupon {code} issued with this transaction was already used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The member has only {have} of the {need} points to take back; a manager can adjust instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attendance at {event} is already recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The annual review runs on the first day of month {month}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {year} review was already done for this member.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Validation</name>
    <message>
      <source>“{value}” is not a valid member number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter an amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The amount must be more than zero.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The amount is more than any single purchase; check it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter a number of points other than zero.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{value} points is out of range.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{value}” is not one of the choices.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter a date like 2026-11-20.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{key}” must be yes or no.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The consent record is missing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter the birthday (month and day).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The member must accept the privacy policy to enroll.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing was changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{field}” cannot be edited here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The quantity must be from 1 to 20.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the transaction to reverse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keying in paper slips is not available yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown operation “{kind}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The operation has no details.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{text}” is not a mainland mobile number (11 digits starting with 13–19).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter the member's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A name can have at most {max} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A name may contain letters, spaces, · - and ' only, not “{char}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This field is required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At most {max} characters, please.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contains an invisible or control character (U+{code}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Use letters, digits, - and / only (at most {max} characters).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write the birthday as month-day, e.g. 03-15, or 1990-03-15.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{month}-{day} is not a date in the calendar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birth year {year} is not plausible.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{year} had no 29 February.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
