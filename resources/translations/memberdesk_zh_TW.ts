<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ActionScreen</name>
    <message>
        <source>Checking online…</source>
        <translation>正在連線核對…</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 積分</translation>
    </message>
</context>
<context>
    <name>AdjustScreen</name>
    <message>
        <source>Adjust points (manager)</source>
        <translation>積分調整（經理）</translation>
    </message>
    <message>
        <source>Points (+ or −)</source>
        <translation>積分（+ 或 −）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>調整</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter a whole number of points, e.g. 200 or -150.</source>
        <translation>請輸入整數積分，例如 200 或 -150。</translation>
    </message>
</context>
<context>
    <name>Amount</name>
    <message>
        <source>“{text}” is not an amount in yuan, e.g. 128.50.</source>
        <translation>「{text}」不是有效的金額（元），例如 128.50。</translation>
    </message>
    <message>
        <source>{yuan} yuan is more than any single purchase; check the amount.</source>
        <translation>{yuan} 元超出單筆消費上限，請核對金額。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>MemberDesk cannot open its database</source>
        <translation>MemberDesk 無法開啟資料庫</translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>Desk staff</source>
        <translation>服務台專員</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收銀員</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>Membership office clerk</source>
        <translation>會員辦公室專員</translation>
    </message>
    <message>
        <source>Membership office manager</source>
        <translation>會員辦公室主管</translation>
    </message>
    <message>
        <source>Store manager</source>
        <translation>商場經理</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>密碼為 4 至 8 位數字。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this; ask a manager.</source>
        <translation>您的角色（{role}）無權進行此操作，請聯繫經理。</translation>
    </message>
    <message>
        <source>Staff number or PIN is wrong.</source>
        <translation>工號或密碼錯誤。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {staff_no} is locked until {until}. A manager can unlock it.</source>
        <translation>密碼錯誤次數過多：{staff_no} 已鎖定至 {until}，可請經理解鎖。</translation>
    </message>
    <message>
        <source>Enter your PIN again to confirm this.</source>
        <translation>請再次輸入您的 PIN 以確認此操作。</translation>
    </message>
    <message>
        <source>The PIN is wrong; nothing was done.</source>
        <translation>PIN 錯誤，未執行任何操作。</translation>
    </message>
    <message>
        <source>Please log in again.</source>
        <translation>請重新登入。</translation>
    </message>
    <message>
        <source>{staff_no} has been disabled; this session has ended.</source>
        <translation>{staff_no} 已被停用，本次工作階段已結束。</translation>
    </message>
    <message>
        <source>{staff_no} ({name}) is not a manager; a manager must approve this.</source>
        <translation>{staff_no}（{name}）不是經理；此操作須由經理批准。</translation>
    </message>
    <message>
        <source>The manager&apos;s staff number or PIN is wrong.</source>
        <translation>經理工號或密碼錯誤。</translation>
    </message>
    <message>
        <source>This amount needs a second person to confirm it: their staff number and PIN.</source>
        <translation>該金額需第二人確認：請輸入其工號和密碼。</translation>
    </message>
    <message>
        <source>The second person must be someone else than who keys the slip in.</source>
        <translation>第二確認人不能是補錄本單據的員工本人。</translation>
    </message>
    <message>
        <source>The second person&apos;s staff number or PIN is wrong.</source>
        <translation>第二確認人的工號或密碼錯誤。</translation>
    </message>
</context>
<context>
    <name>BackEntryScreen</name>
    <message>
        <source>Key in paper slips</source>
        <translation>補錄紙本單據</translation>
    </message>
    <message>
        <source>Slip serial</source>
        <translation>單據編號</translation>
    </message>
    <message>
        <source>Scan the slip&apos;s code or type its serial</source>
        <translation>掃描單據上的碼或輸入單據編號</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Date and time on the slip</source>
        <translation>單據上的日期時間</translation>
    </message>
    <message>
        <source>Written by (staff no.)</source>
        <translation>填寫人（工號）</translation>
    </message>
    <message>
        <source>Second person (if the amount needs it)</source>
        <translation>第二確認人（金額需要時）</translation>
    </message>
    <message>
        <source>Second person&apos;s PIN</source>
        <translation>第二確認人密碼</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Referrer (member no.)</source>
        <translation>推薦人（會員號）</translation>
    </message>
    <message>
        <source>Member number or mobile</source>
        <translation>會員號或手機號</translation>
    </message>
    <message>
        <source>Store code</source>
        <translation>商戶編碼</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票號</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>消費日期</translation>
    </message>
    <message>
        <source>Gift code</source>
        <translation>禮品編號</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Benefit (birthday, parking, member_day)</source>
        <translation>權益（birthday 生日 / parking 停車 / member_day 會員日）</translation>
    </message>
    <message>
        <source>The member ticked the privacy policy box (required)</source>
        <translation>會員已勾選隱私政策（必需）</translation>
    </message>
    <message>
        <source>The member ticked the marketing box</source>
        <translation>會員已勾選接收行銷資訊</translation>
    </message>
    <message>
        <source>Key in</source>
        <translation>補錄</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>{count} issued slips are not keyed in yet.</source>
        <translation>已發出的單據中還有 {count} 張未補錄。</translation>
    </message>
    <message>
        <source>Every issued slip has been keyed in.</source>
        <translation>已發出的單據均已補錄。</translation>
    </message>
    <message>
        <source>This slip was already keyed in on {when} by {staff}.</source>
        <translation>該單據已於 {when} 由 {staff} 補錄。</translation>
    </message>
    <message>
        <source>Enrollment slip</source>
        <translation>入會單</translation>
    </message>
    <message>
        <source>Receipt-credit slip</source>
        <translation>小票積分單</translation>
    </message>
    <message>
        <source>Redemption slip</source>
        <translation>兌換單</translation>
    </message>
    <message>
        <source>Benefit slip</source>
        <translation>權益單</translation>
    </message>
    <message>
        <source>Scan a slip to begin.</source>
        <translation>請掃描單據開始補錄。</translation>
    </message>
</context>
<context>
    <name>BenefitScreen</name>
    <message>
        <source>Claim a benefit</source>
        <translation>領取權益</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日禮</translation>
    </message>
    <message>
        <source>Free parking</source>
        <translation>免費停車</translation>
    </message>
    <message>
        <source>Member-day gift</source>
        <translation>會員日禮</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>領取</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Parking for this tier: {hours} h a day.</source>
        <translation>本等級停車權益：每天 {hours} 小時。</translation>
    </message>
    <message>
        <source>Choose a benefit.</source>
        <translation>請選擇一項權益。</translation>
    </message>
</context>
<context>
    <name>CashOffsetScreen</name>
    <message>
        <source>Pay with points</source>
        <translation>積分抵現</translation>
    </message>
    <message>
        <source>Purchase amount (¥)</source>
        <translation>消費金額（元）</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>使用積分</translation>
    </message>
    <message>
        <source>Use points</source>
        <translation>確認抵現</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Worth ¥{value}</source>
        <translation>可抵 ¥{value}</translation>
    </message>
    <message>
        <source>Enter the number of points to use.</source>
        <translation>請輸入要使用的積分數。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>There is no terminal store at {path}; create one with: memberdesk --db {path} init --terminal-code N</source>
        <translation>{path} 沒有終端資料庫；請先建立：memberdesk --db {path} init --terminal-code N</translation>
    </message>
    <message>
        <source>The store&apos;s key cannot be read from this computer&apos;s keyring ({error}).</source>
        <translation>無法從本機金鑰環讀取資料庫金鑰（{error}）。</translation>
    </message>
    <message>
        <source>{path} cannot be used ({error}); check the path and its permissions.</source>
        <translation>無法使用 {path}（{error}）；請檢查路徑和權限。</translation>
    </message>
    <message>
        <source>The command failed unexpectedly ({error}); the details are in {log}. Please tell IT.</source>
        <translation>命令意外失敗（{error}）；詳情已寫入 {log}。請通知 IT。</translation>
    </message>
    <message>
        <source>The terminal code must be from 1 to 899 (900–999 are kept for imports).</source>
        <translation>終端編號須為 1 至 899（900–999 保留給匯入）。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>找不到檔案 {path}。</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} problem(s) to fix first.</source>
        <translation>未匯入任何會員：請先修正 {count} 處問題。</translation>
    </message>
    <message>
        <source>Make from 1 to 2,000,000 demo members.</source>
        <translation>示範會員數須為 1 至 2,000,000。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name for the backup.</source>
        <translation>{path} 已存在；請為備份另選檔名。</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>This is not a member code.</source>
        <translation>這不是會員碼。</translation>
    </message>
    <message>
        <source>The member code is incomplete; please scan it again.</source>
        <translation>會員碼不完整，請重新掃描。</translation>
    </message>
    <message>
        <source>The member code is damaged; please scan it again.</source>
        <translation>會員碼已損壞，請重新掃描。</translation>
    </message>
    <message>
        <source>This member code was signed with a key this terminal does not know (key {key}). Sync the terminal, or look the member up by phone.</source>
        <translation>此會員碼使用本終端未知的金鑰簽發（金鑰 {key}）。請同步終端，或用手機號查找會員。</translation>
    </message>
    <message>
        <source>This member code is not genuine (signature check failed).</source>
        <translation>此會員碼不是真實的（簽章校驗失敗）。</translation>
    </message>
    <message>
        <source>This member code expired on {date}; ask the member to refresh it.</source>
        <translation>此會員碼已於 {date} 過期，請會員更新會員碼。</translation>
    </message>
    <message>
        <source>“{code}” is not a coupon code.</source>
        <translation>「{code}」不是優惠券碼。</translation>
    </message>
    <message>
        <source>The coupon code {code} has a typing error; check it again.</source>
        <translation>優惠券碼 {code} 有輸入錯誤，請再核對。</translation>
    </message>
    <message>
        <source>“{code}” is not a paper-slip serial.</source>
        <translation>「{code}」不是紙本單據編號。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色無權執行此操作。</translation>
    </message>
    <message>
        <source>This form has expired or did not come from the console; open the page again.</source>
        <translation>此表單已過期或並非來自本控制台，請重新開啟頁面。</translation>
    </message>
    <message>
        <source>A user number is 1 to 16 letters or digits.</source>
        <translation>使用者編號為 1 至 16 位字母或數字。</translation>
    </message>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation>密碼至少 {n} 個字元。</translation>
    </message>
    <message>
        <source>The role must be office_clerk, office_manager or store_manager.</source>
        <translation>角色必須是會員辦公室專員、會員辦公室主管或商場經理。</translation>
    </message>
    <message>
        <source>User {user_no} is not known.</source>
        <translation>使用者 {user_no} 不存在。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords until {until}; an office manager can unlock it.</source>
        <translation>密碼錯誤次數過多，此帳戶已鎖定至 {until}；會員辦公室主管可為其解鎖。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
        <translation>密碼錯誤次數過多：此帳戶鎖定 {minutes} 分鐘。</translation>
    </message>
    <message>
        <source>The user number or password is wrong.</source>
        <translation>使用者編號或密碼錯誤。</translation>
    </message>
    <message>
        <source>The request is not valid; nothing was changed.</source>
        <translation>請求無效，未做任何變更。</translation>
    </message>
    <message>
        <source>Say why the full details are needed.</source>
        <translation>請說明需要查看完整資料的原因。</translation>
    </message>
    <message>
        <source>Points are a whole number other than zero, + or −.</source>
        <translation>積分須為非零整數，可為正或負。</translation>
    </message>
    <message>
        <source>The adjustment waits for a second person&apos;s approval.</source>
        <translation>該調整等待第二人審批。</translation>
    </message>
    <message>
        <source>This adjustment is not waiting for a decision.</source>
        <translation>該調整不在待審批狀態。</translation>
    </message>
    <message>
        <source>The second person must be someone else than who asked for the adjustment.</source>
        <translation>審批人不能是提出調整的本人。</translation>
    </message>
    <message>
        <source>Adjustment approved: every desk gets it at its next sync.</source>
        <translation>調整已核准：各服務台下次同步時收到。</translation>
    </message>
    <message>
        <source>Adjustment refused.</source>
        <translation>調整已駁回。</translation>
    </message>
    <message>
        <source>Type the member number to confirm the erasure.</source>
        <translation>請輸入會員號以確認刪除。</translation>
    </message>
    <message>
        <source>The member&apos;s personal data is erased; the points ledger and receipts stay for the accounts.</source>
        <translation>該會員的個人資料已刪除；積分流水和收據因財務需要保留。</translation>
    </message>
    <message>
        <source>Give the desk a name.</source>
        <translation>請為服務台命名。</translation>
    </message>
    <message>
        <source>A terminal code is from 1 to 899.</source>
        <translation>終端代碼為 1 至 899。</translation>
    </message>
    <message>
        <source>Terminal {terminal} is decommissioned.</source>
        <translation>終端 {terminal} 已停用。</translation>
    </message>
    <message>
        <source>You cannot disable yourself.</source>
        <translation>不能停用您自己的帳戶。</translation>
    </message>
    <message>
        <source>The effective day is a date like 2027-01-01.</source>
        <translation>生效日期須為日期，例如 2027-01-01。</translation>
    </message>
    <message>
        <source>Rules {version} take effect on {day}; desks get them at their next sync that day.</source>
        <translation>規則 {version} 將於 {day} 生效；各服務台在當日下次同步時收到。</translation>
    </message>
    <message>
        <source>Job run {id} started; this page follows it until it ends.</source>
        <translation>任務執行 {id} 已開始；本頁面將持續顯示進度直至結束。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>檔案為空。</translation>
    </message>
    <message>
        <source>Not valid TOML: {error}</source>
        <translation>不是有效的 TOML：{error}</translation>
    </message>
    <message>
        <source>User {user_no} saved.</source>
        <translation>使用者 {user_no} 已儲存。</translation>
    </message>
    <message>
        <source>Issue between 1 and 10000 coupons at a time.</source>
        <translation>每次發放 1 至 10000 張券。</translation>
    </message>
    <message>
        <source>The quantity is a whole number other than zero.</source>
        <translation>數量須為非零整數。</translation>
    </message>
    <message>
        <source>The job is running already (here or on another server instance).</source>
        <translation>該任務已在執行（本機或其他伺服器實例）。</translation>
    </message>
    <message>
        <source>This period was run already; tick “run again” to run it once more.</source>
        <translation>該週期已執行過；如需再次執行，請勾選「再次執行」。</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>稽核</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>Verify its chain</source>
        <translation>校驗其稽核鏈</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is intact ({rows} rows anchored).</source>
        <translation>{terminal} 的稽核鏈完整（已錨定 {rows} 列）。</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is broken at row {row} ({reason}).</source>
        <translation>{terminal} 的稽核鏈在第 {row} 列斷開（{reason}）。</translation>
    </message>
    <message>
        <source>Terminals&apos; anchored audit rows</source>
        <translation>各終端已錨定的稽核記錄</translation>
    </message>
    <message>
        <source>Staff, action, subject or operation</source>
        <translation>員工、動作、對象或操作</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>對象</translation>
    </message>
    <message>
        <source>Console actions</source>
        <translation>控制台操作記錄</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Membership office</source>
        <translation>會員辦公室</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>會員</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Coupons &amp; stock</source>
        <translation>券與庫存</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>報表</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>排程任務</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Issue a batch of coupons</source>
        <translation>批量發券</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>券</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>For member (optional)</source>
        <translation>指定會員（選填）</translation>
    </message>
    <message>
        <source>Issue and download the codes (CSV)</source>
        <translation>發放並下載券碼（CSV）</translation>
    </message>
    <message>
        <source>One coupon&apos;s story</source>
        <translation>單張券的經歷</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>券碼</translation>
    </message>
    <message>
        <source>No coupon has this code.</source>
        <translation>沒有此券碼的券。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>會員</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Gift stock per desk</source>
        <translation>各服務台禮品庫存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>庫存</translation>
    </message>
    <message>
        <source>Quantity (negative takes back)</source>
        <translation>數量（負數為收回）</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>調撥</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>發生了什麼</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>產生時間</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Resolved by {who} at {at}: {decision}</source>
        <translation>已由 {who} 於 {at} 處理：{decision}</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>處理決定</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>處理</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未處理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已處理</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>No exceptions match.</source>
        <translation>沒有符合條件的異常。</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Period due now</source>
        <translation>目前應執行的週期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>週期</translation>
    </message>
    <message>
        <source>run again</source>
        <translation>再次執行</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即執行</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>執行記錄</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>列數</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>User number</source>
        <translation>使用者編號</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>會員卡</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>since {day}</source>
        <translation>自 {day} 起</translation>
    </message>
    <message>
        <source>Points available</source>
        <translation>可用積分</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>入會</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Show full details (recorded)</source>
        <translation>顯示完整資料（將記錄）</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>授權同意</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>隱私告知</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>行銷</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等級歷史</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <source>Tier before</source>
        <translation>原等級</translation>
    </message>
    <message>
        <source>Tier after</source>
        <translation>變更後等級</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未變</translation>
    </message>
    <message>
        <source>Lots and expiry</source>
        <translation>積分批次與到期</translation>
    </message>
    <message>
        <source>Year earned</source>
        <translation>獲得年份</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>積分</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>積分流水</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Spend (yuan)</source>
        <translation>消費（元）</translation>
    </message>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>券</translation>
    </message>
    <message>
        <source>Benefits claimed</source>
        <translation>已領取權益</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>權益</translation>
    </message>
    <message>
        <source>Manual adjustment</source>
        <translation>手動調整</translation>
    </message>
    <message>
        <source>Points (+ or −)</source>
        <translation>積分（+ 或 −）</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>提交審批</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>駁回</translation>
    </message>
    <message>
        <source>Personal information requests</source>
        <translation>個人資料請求</translation>
    </message>
    <message>
        <source>Export everything held (file)</source>
        <translation>匯出全部個人資料（檔案）</translation>
    </message>
    <message>
        <source>Type the member number to confirm</source>
        <translation>輸入會員號以確認</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>刪除個人資料</translation>
    </message>
    <message>
        <source>Phone, member number, card number or name</source>
        <translation>手機號、會員號、卡號或姓名</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>會員號</translation>
    </message>
    <message>
        <source>No member matches.</source>
        <translation>沒有符合的會員。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>營業日</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範圍</translation>
    </message>
    <message>
        <source>Whole mall</source>
        <translation>全場</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>Daily report (PDF)</source>
        <translation>日報（PDF）</translation>
    </message>
    <message>
        <source>Daily report (CSV)</source>
        <translation>日報（CSV）</translation>
    </message>
    <message>
        <source>Complete: every terminal has synced the day.</source>
        <translation>完整：所有終端均已同步當日資料。</translation>
    </message>
    <message>
        <source>Not complete: these terminals had not synced the day yet:</source>
        <translation>不完整：以下終端尚未同步當日資料：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>業務筆數</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>新入會</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>發放積分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兌換積分</translation>
    </message>
    <message>
        <source>Coupons verified</source>
        <translation>核銷券數</translation>
    </message>
    <message>
        <source>The month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>The month (CSV)</source>
        <translation>本月資料（CSV）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>筆數</translation>
    </message>
    <message>
        <source>Points donated</source>
        <translation>捐贈積分</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停車</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票券</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>積分抵現</translation>
    </message>
    <message>
        <source>Points donation</source>
        <translation>積分捐贈</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>兌換明細</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>載入時間</translation>
    </message>
    <message>
        <source>Upload a new rules file</source>
        <translation>上傳新的規則檔案</translation>
    </message>
    <message>
        <source>The rules file was not loaded: fix these and upload it again.</source>
        <translation>規則檔案未載入：請修正以下問題後重新上傳。</translation>
    </message>
    <message>
        <source>{count} problems found:</source>
        <translation>發現 {count} 個問題：</translation>
    </message>
    <message>
        <source>1 problem found:</source>
        <translation>發現 1 個問題：</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>The file is valid. Check the differences below, then load it at once or from a later business day: every desk takes it at its next sync.</source>
        <translation>檔案有效。請核對下方差異，然後立即載入或指定以後的營業日生效：各服務台下次同步時收到。</translation>
    </message>
    <message>
        <source>Effective from (blank: at once)</source>
        <translation>生效日期（留空即立即生效）</translation>
    </message>
    <message>
        <source>Load these rules</source>
        <translation>載入此規則</translation>
    </message>
    <message>
        <source>Rules file (TOML)</source>
        <translation>規則檔案（TOML）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Differences from the current rules</source>
        <translation>與目前規則的差異</translation>
    </message>
    <message>
        <source>Waiting for their day</source>
        <translation>等待生效</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>被替換版本</translation>
    </message>
    <message>
        <source>Roll back to {version}</source>
        <translation>回退到 {version}</translation>
    </message>
    <message>
        <source>Current rules file</source>
        <translation>目前規則檔案</translation>
    </message>
    <message>
        <source>Office users (this console)</source>
        <translation>辦公室使用者（本控制台）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Password (new users; blank keeps it)</source>
        <translation>密碼（新使用者必填；留空則不變）</translation>
    </message>
    <message>
        <source>Save user</source>
        <translation>儲存使用者</translation>
    </message>
    <message>
        <source>Desk staff (pulled by every terminal)</source>
        <translation>服務台員工（各終端同步）</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工號</translation>
    </message>
    <message>
        <source>PIN (new staff; blank keeps it)</source>
        <translation>密碼（新員工必填；留空則不變）</translation>
    </message>
    <message>
        <source>Save staff</source>
        <translation>儲存員工</translation>
    </message>
    <message>
        <source>Registration code for {name}</source>
        <translation>{name} 的註冊碼</translation>
    </message>
    <message>
        <source>Valid for 24 hours, once. Type it (or scan it) on the new terminal.</source>
        <translation>24 小時內有效，僅可使用一次。請在新終端上輸入（或掃描）。</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>服務台名稱</translation>
    </message>
    <message>
        <source>Terminal code (optional)</source>
        <translation>終端代碼（選填）</translation>
    </message>
    <message>
        <source>Issue a registration code</source>
        <translation>發放註冊碼</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>註冊時間</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Operations not yet pushed</source>
        <translation>待上傳操作</translation>
    </message>
    <message>
        <source>Changes not yet pulled</source>
        <translation>未拉取的變更</translation>
    </message>
    <message>
        <source>an older version</source>
        <translation>舊版本</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊銷</translation>
    </message>
    <message>
        <source>Decommission</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Registration codes issued</source>
        <translation>已發放的註冊碼</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>發放時間</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Open exceptions</source>
        <translation>未處理異常</translation>
    </message>
    <message>
        <source>Operations per desk and kind</source>
        <translation>各服務台各類業務筆數</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>No operations yet today.</source>
        <translation>今日尚無業務。</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Operations, last 30 days</source>
        <translation>近 30 天業務筆數</translation>
    </message>
</context>
<context>
    <name>CouponScreen</name>
    <message>
        <source>Verify a coupon</source>
        <translation>核銷優惠券</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>優惠券碼</translation>
    </message>
    <message>
        <source>Purchase amount (¥, optional)</source>
        <translation>消費金額（元，可選）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>Verify and use</source>
        <translation>確認核銷</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scan the coupon, or type its code.</source>
        <translation>請掃描優惠券，或輸入券碼。</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <source>Value ¥{value}, minimum spend ¥{min}</source>
        <translation>面值 ¥{value}，滿 ¥{min} 可用</translation>
    </message>
    <message>
        <source>Valid {first} to {last}</source>
        <translation>有效期 {first} 至 {last}</translation>
    </message>
</context>
<context>
    <name>DonationScreen</name>
    <message>
        <source>Donate points to charity</source>
        <translation>積分愛心捐贈</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>捐贈項目</translation>
    </message>
    <message>
        <source>Points to donate</source>
        <translation>捐贈積分</translation>
    </message>
    <message>
        <source>↑/↓ choose the campaign</source>
        <translation>↑/↓ 選擇捐贈項目</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>確認捐贈</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The rules name no donation campaign; nothing can be donated.</source>
        <translation>規則中沒有捐贈項目，暫不能捐贈。</translation>
    </message>
    <message>
        <source>{low} to {high} points a donation.</source>
        <translation>每次捐贈 {low} 至 {high} 積分。</translation>
    </message>
    <message>
        <source>The member has {balance} points.</source>
        <translation>該會員現有 {balance} 積分。</translation>
    </message>
    <message>
        <source>{points} points to {campaign}; {left} points left.</source>
        <translation>捐贈 {points} 積分給{campaign}，捐贈後剩餘 {left} 積分。</translation>
    </message>
    <message>
        <source>Enter the number of points to donate, e.g. 500.</source>
        <translation>請輸入要捐贈的積分數，例如 500。</translation>
    </message>
</context>
<context>
    <name>EarnScreen</name>
    <message>
        <source>Points for a purchase</source>
        <translation>消費積分</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品類</translation>
    </message>
    <message>
        <source>Apply the member&apos;s tier discount</source>
        <translation>使用會員等級折扣</translation>
    </message>
    <message>
        <source>General</source>
        <translation>綜合</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>服飾</translation>
    </message>
    <message>
        <source>Cosmetics</source>
        <translation>化妝品</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>餐飲</translation>
    </message>
    <message>
        <source>Sports</source>
        <translation>運動</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>數碼</translation>
    </message>
    <message>
        <source>Kids</source>
        <translation>兒童</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>娛樂</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>珠寶</translation>
    </message>
    <message>
        <source>Credit points</source>
        <translation>確認積分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EnrollScreen</name>
    <message>
        <source>Enroll a new member</source>
        <translation>註冊新會員</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Referrer (member no.)</source>
        <translation>推薦人（會員號）</translation>
    </message>
    <message>
        <source>month-day, e.g. 03-15 (year optional)</source>
        <translation>月-日，例如 03-15（年份可選）</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位數字</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>不填寫</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>The member accepts the privacy policy (required)</source>
        <translation>會員同意隱私政策（必選）</translation>
    </message>
    <message>
        <source>The member agrees to receive marketing messages (optional)</source>
        <translation>會員同意接收行銷資訊（可選）</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>註冊</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Exceptions</name>
    <message>
        <source>Opened</source>
        <translation>發生時間</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>會員</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>處理決定</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>單號</translation>
    </message>
</context>
<context>
    <name>Gift</name>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>積分</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>庫存</translation>
    </message>
</context>
<context>
    <name>GiftScreen</name>
    <message>
        <source>Redeem a gift</source>
        <translation>積分兌禮</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>兌換…</translation>
    </message>
    <message>
        <source>Choose a gift from the catalogue.</source>
        <translation>請從禮品目錄中選擇禮品。</translation>
    </message>
    <message>
        <source>Spend {points} points on {quantity} × {gift}? Press Confirm.</source>
        <translation>使用 {points} 積分兌換 {gift} × {quantity}？請按「確認」。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>積分</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>消費（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>單號</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>伺服器已拒絕</translation>
    </message>
    <message>
        <source>Rejected by the server · exception #{id} open</source>
        <translation>伺服器已拒絕 · 異常 #{id} 待處理</translation>
    </message>
    <message>
        <source>Rejected by the server · exception #{id} resolved</source>
        <translation>伺服器已拒絕 · 異常 #{id} 已處理</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已沖正</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>歷史匯入</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待傳送</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Member service</source>
        <translation>會員服務</translation>
    </message>
    <message>
        <source>Scan the member&apos;s code, or type a phone number, member number, card number or name.</source>
        <translation>請掃描會員碼，或輸入手機號、會員號、卡號或姓名。</translation>
    </message>
    <message>
        <source>Scan or search…</source>
        <translation>掃碼或搜尋…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Enroll a new member</source>
        <translation>註冊新會員</translation>
    </message>
    <message>
        <source>Verify a coupon</source>
        <translation>核銷優惠券</translation>
    </message>
    <message>
        <source>Key in paper slips</source>
        <translation>補錄紙本單據</translation>
    </message>
    <message>
        <source>No member found. Check the number, or enroll a new member.</source>
        <translation>未找到會員。請核對號碼，或註冊新會員。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{file} is neither UTF-8 nor GBK/GB18030 text; save it again as CSV UTF-8.</source>
        <translation>{file} 既不是 UTF-8 也不是 GBK/GB18030 文字；請重新另存為「CSV UTF-8」。</translation>
    </message>
    <message>
        <source>The header lacks the column “{column}”.</source>
        <translation>表頭缺少「{column}」欄。</translation>
    </message>
    <message>
        <source>Points must be a whole number.</source>
        <translation>積分必須是整數。</translation>
    </message>
    <message>
        <source>Gender must be female, male, other or empty.</source>
        <translation>性別須為 female、male、other 或留空。</translation>
    </message>
    <message>
        <source>Points must be from 0 to 10,000,000.</source>
        <translation>積分須在 0 至 10,000,000 之間。</translation>
    </message>
    <message>
        <source>The phone number repeats line {line}.</source>
        <translation>手機號與第 {line} 行重複。</translation>
    </message>
    <message>
        <source>The phone number already belongs to a member.</source>
        <translation>該手機號已屬於一位會員。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Annual tier review</source>
        <translation>年度等級複核</translation>
    </message>
    <message>
        <source>On the 1st of the rules&apos; review month: one step down for members whose qualifying spend no longer holds their tier.</source>
        <translation>規則所定複核月份的 1 日：消費已不足以保持等級的會員降一級。</translation>
    </message>
    <message>
        <source>Year-end expiry sweep</source>
        <translation>年終積分過期清理</translation>
    </message>
    <message>
        <source>On 1 January: write off the points that lapsed at the end of the year.</source>
        <translation>1 月 1 日：註銷上年末到期的積分。</translation>
    </message>
    <message>
        <source>Rules taking effect</source>
        <translation>規則生效</translation>
    </message>
    <message>
        <source>Each business day: load the rules uploaded for a later day once that day has come.</source>
        <translation>每個營業日：到達指定日期時，載入預先上傳的規則。</translation>
    </message>
    <message>
        <source>Nightly snapshot and pruning</source>
        <translation>夜間快照與清理</translation>
    </message>
    <message>
        <source>Every night after 03:00: a bootstrap snapshot, then the change feed no terminal needs.</source>
        <translation>每晚 03:00 後：產生初始化快照，然後清理各終端已不需要的變更記錄。</translation>
    </message>
    <message>
        <source>There is no job called {name}.</source>
        <translation>沒有名為 {name} 的任務。</translation>
    </message>
    <message>
        <source>{period} is not a period of this job (a year, or a date for the snapshot).</source>
        <translation>{period} 不是該任務的週期（應為年份，快照則為日期）。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>The terminal was locked. Log in to continue.</source>
        <translation>終端已鎖定，請登入後繼續。</translation>
    </message>
    <message>
        <source>Enter your staff number and PIN.</source>
        <translation>請輸入工號和密碼。</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工號</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{mall} · {desk} · MemberDesk</source>
        <translation>{mall} · {desk} · MemberDesk 會員服務台</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>鎖定</translation>
    </message>
    <message>
        <source>This is a paper slip; a desk clerk or a manager keys it in.</source>
        <translation>這是紙本單據，請由服務台專員或經理補錄。</translation>
    </message>
    <message>
        <source>This is a WeChat Pay payment code, not a member code. Ask for the member code.</source>
        <translation>這是微信支付付款碼，不是會員碼。請顧客出示會員碼。</translation>
    </message>
    <message>
        <source>This is an Alipay payment code, not a member code. Ask for the member code.</source>
        <translation>這是支付寶付款碼，不是會員碼。請顧客出示會員碼。</translation>
    </message>
    <message>
        <source>No member has the scanned code {code}.</source>
        <translation>沒有會員使用掃描到的號碼 {code}。</translation>
    </message>
    <message>
        <source>A form is half filled</source>
        <translation>表單尚未填完</translation>
    </message>
    <message>
        <source>A code was scanned while this form is half filled. Leave the form and open the code?</source>
        <translation>表單尚未填完時掃描到了新的碼。放棄此表單並開啟該碼嗎？</translation>
    </message>
    <message>
        <source>Open the code (Enter)</source>
        <translation>開啟該碼（Enter）</translation>
    </message>
    <message>
        <source>Keep the form (Esc)</source>
        <translation>保留表單（Esc）</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>設定已儲存。</translation>
    </message>
    <message>
        <source>Terminal registered. Log in again to start working online.</source>
        <translation>終端已註冊。請重新登入以開始連網工作。</translation>
    </message>
    <message>
        <source>No server is configured; operations stay on this terminal until one is.</source>
        <translation>尚未設定伺服器，操作將保存在本終端，直到設定伺服器。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已儲存到 {path}</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing you saved is lost; please tell the manager.</source>
        <translation>程式出錯了。已儲存的內容不會遺失，請告知經理。</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>Exceptions inbox</source>
        <translation>異常處理</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Unlock selected staff</source>
        <translation>解鎖所選員工</translation>
    </message>
    <message>
        <source>Reprint a receipt</source>
        <translation>重印憑條</translation>
    </message>
    <message>
        <source>Reference, e.g. 007-000003</source>
        <translation>單號，例如 007-000003</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Handed over to (staff no.)</source>
        <translation>交接給（工號）</translation>
    </message>
    <message>
        <source>Gifts counted</source>
        <translation>禮品盤點</translation>
    </message>
    <message>
        <source>gift code = number counted, e.g. K001=12, K002=5</source>
        <translation>禮品編碼 = 盤點數量，例如 K001=12, K002=5</translation>
    </message>
    <message>
        <source>Print shift handover</source>
        <translation>列印交班單</translation>
    </message>
    <message>
        <source>Shift handover as CSV</source>
        <translation>交班單匯出 CSV</translation>
    </message>
    <message>
        <source>Decision, e.g. &apos;credited at Desk 2 is correct; told member&apos;</source>
        <translation>處理決定，例如「以 2 號服務台積分為準，已告知會員」</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>記錄決定</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Desk staff</source>
        <translation>服務台專員</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收銀員</translation>
    </message>
    <message>
        <source>Add or update staff</source>
        <translation>新增或更新員工</translation>
    </message>
    <message>
        <source>Print today&apos;s daily report</source>
        <translation>列印今日日報</translation>
    </message>
    <message>
        <source>Daily report as CSV</source>
        <translation>日報匯出 CSV</translation>
    </message>
    <message>
        <source>Print the benefits handbook</source>
        <translation>列印會員權益手冊</translation>
    </message>
    <message>
        <source>Print an outage kit (50 slips + handbook)</source>
        <translation>列印應急單據包（50 張單據 + 權益手冊）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Exceptions inbox ({count} open)</source>
        <translation>異常收件匣（{count} 筆待處理）</translation>
    </message>
    <message>
        <source>Shift of {name} ({staff_no}) since {start}: its figures, gifts handed out and stock counted.</source>
        <translation>{name}（{staff_no}）自 {start} 起的班次：業務資料、發出的禮品和盤點的庫存。</translation>
    </message>
    <message>
        <source>This terminal is not connected to a server, so there are no sync rejections to review.</source>
        <translation>本終端未連接伺服器，因此沒有需要處理的同步異常。</translation>
    </message>
    <message>
        <source>{open} open, {total} in all. Every sync rejection lands here; record a decision for each.</source>
        <translation>待處理 {open} 條，共 {total} 條。所有同步被拒的操作都在這裡，請逐條記錄處理決定。</translation>
    </message>
    <message>
        <source>Choose an exception first.</source>
        <translation>請先選擇一條異常。</translation>
    </message>
    <message>
        <source>Choose a staff member first.</source>
        <translation>請先選擇一名員工。</translation>
    </message>
    <message>
        <source>{staff_no} is unlocked and can log in again.</source>
        <translation>{staff_no} 已解鎖，可以重新登入。</translation>
    </message>
    <message>
        <source>No receipt of this desk has the reference {ref}.</source>
        <translation>本服務台沒有單號為 {ref} 的憑條。</translation>
    </message>
    <message>
        <source>“{part}” is not a gift code with a number, e.g. K001=12.</source>
        <translation>「{part}」不是「禮品編碼=數量」的寫法，例如 K001=12。</translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <source>Birthday gift</source>
        <translation>生日禮</translation>
    </message>
    <message>
        <source>Free parking</source>
        <translation>免費停車</translation>
    </message>
    <message>
        <source>Member-day gift</source>
        <translation>會員日禮</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>會員</translation>
    </message>
    <message>
        <source>Purchase points</source>
        <translation>消費積分</translation>
    </message>
    <message>
        <source>Receipt credit</source>
        <translation>小票積分</translation>
    </message>
    <message>
        <source>Redeem gift</source>
        <translation>積分兌禮</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>積分抵現</translation>
    </message>
    <message>
        <source>Verify coupon</source>
        <translation>核銷優惠券</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>會員權益</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>積分捐贈</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>積分調整</translation>
    </message>
    <message>
        <source>Reverse selected</source>
        <translation>沖正所選交易</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>重印憑條</translation>
    </message>
    <message>
        <source>Show full phone</source>
        <translation>顯示完整手機號</translation>
    </message>
    <message>
        <source>Annual statement</source>
        <translation>年度會員報告</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>積分</translation>
    </message>
    <message>
        <source>History</source>
        <translation>交易記錄</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>All transactions</source>
        <translation>全部交易</translation>
    </message>
    <message>
        <source>{points} points expire after {date}</source>
        <translation>{points} 積分將於 {date} 後過期</translation>
    </message>
    <message>
        <source>No points due to expire</source>
        <translation>暫無即將過期的積分</translation>
    </message>
    <message>
        <source>¥{amount} more spending to {tier} (12-month spend ¥{spend})</source>
        <translation>再消費 ¥{amount} 可升級為{tier}（近 12 個月消費 ¥{spend}）</translation>
    </message>
    <message>
        <source>Top tier (12-month spend ¥{spend})</source>
        <translation>已是最高等級（近 12 個月消費 ¥{spend}）</translation>
    </message>
    <message>
        <source>{stage} · {segment}: {action}</source>
        <translation>{stage} · {segment}：{action}</translation>
    </message>
    <message>
        <source>Benefits available now: {list}</source>
        <translation>目前可領權益：{list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Coupons held: {list}</source>
        <translation>持有優惠券：{list}</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Enrollment</source>
        <translation>會員註冊</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>資料修改</translation>
    </message>
    <message>
        <source>Points for purchase</source>
        <translation>消費積分</translation>
    </message>
    <message>
        <source>Receipt credit</source>
        <translation>小票積分</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>積分兌禮</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>積分抵現</translation>
    </message>
    <message>
        <source>Coupon verified</source>
        <translation>優惠券核銷</translation>
    </message>
    <message>
        <source>Benefit claimed</source>
        <translation>權益領取</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>沖正</translation>
    </message>
    <message>
        <source>Points adjustment</source>
        <translation>積分調整</translation>
    </message>
    <message>
        <source>Member event attended</source>
        <translation>參加會員活動</translation>
    </message>
    <message>
        <source>Annual tier review</source>
        <translation>年度等級評定</translation>
    </message>
    <message>
        <source>Points donation</source>
        <translation>積分捐贈</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Cosmetics</source>
        <translation>美妝</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>服飾</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>珠寶</translation>
    </message>
    <message>
        <source>Sports</source>
        <translation>運動</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>數碼電器</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>餐飲</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>娛樂</translation>
    </message>
    <message>
        <source>Kids</source>
        <translation>兒童</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Parking voucher</source>
        <translation>停車券</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票券</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>優惠券</translation>
    </message>
    <message>
        <source>Mondays</source>
        <translation>週一</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>週二</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>週三</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>週四</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>週五</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>週六</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>週日</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>{percent}% off</source>
        <translation>{zhe}折</translation>
    </message>
    <message>
        <source>{days} days from issue</source>
        <translation>領取後 {days} 天內有效</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>No</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Member benefits handbook</source>
        <translation>會員權益手冊</translation>
    </message>
    <message>
        <source>Rules version {version}. Every figure below is the programme in force when this page was printed.</source>
        <translation>規則版本 {version}。以下各項均為本頁列印時有效的會員規則。</translation>
    </message>
    <message>
        <source>Qualifying spend, last {days} days</source>
        <translation>近 {days} 天累計消費</translation>
    </message>
    <message>
        <source>Points per yuan</source>
        <translation>每元積分</translation>
    </message>
    <message>
        <source>Tier discount</source>
        <translation>會員折扣</translation>
    </message>
    <message>
        <source>Free parking per visit</source>
        <translation>每次免費停車</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小時</translation>
    </message>
    <message>
        <source>Birthday gift (birthday month)</source>
        <translation>生日禮遇（生日當月）</translation>
    </message>
    <message>
        <source>Lounge</source>
        <translation>貴賓室</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>會員等級</translation>
    </message>
    <message>
        <source>You move up at once when your qualifying spend over the last {days} days reaches a tier&apos;s threshold.</source>
        <translation>近 {days} 天累計消費達到某一等級門檻時，立即升級。</translation>
    </message>
    <message>
        <source>Or earn {points} points from purchases in a calendar year to reach {tier}.</source>
        <translation>或在一個自然年內消費積分達到 {points} 分，升為{tier}。</translation>
    </message>
    <message>
        <source>Or attend {events} member events in a calendar year to move up one tier.</source>
        <translation>或在一個自然年內參加 {events} 次會員活動，升一級。</translation>
    </message>
    <message>
        <source>Tiers are reviewed once a year on the 1st of month {month}; a tier your spend no longer supports moves down at most {steps} step(s).</source>
        <translation>每年 {month} 月 1 日進行年度評定；消費不再滿足當前等級的，每次最多降 {steps} 級。</translation>
    </message>
    <message>
        <source>Moving up and down</source>
        <translation>升級與降級</translation>
    </message>
    <message>
        <source>Points = amount paid in yuan × your tier&apos;s points per yuan × any campaign multiplier, rounded down.</source>
        <translation>積分 = 實付金額（元）× 等級每元積分 × 活動倍數，向下取整。</translation>
    </message>
    <message>
        <source>Welcome points on joining: {points}.</source>
        <translation>入會即送 {points} 積分。</translation>
    </message>
    <message>
        <source>Bring a friend: you receive {referrer} points and your friend {referee} points when they join.</source>
        <translation>老帶新：好友入會後，您獲得 {referrer} 積分，好友獲得 {referee} 積分。</translation>
    </message>
    <message>
        <source>Double-points days ({dates}): points ×{mult}.</source>
        <translation>雙倍積分日（{dates}）：積分 ×{mult}。</translation>
    </message>
    <message>
        <source>Every {days}: points ×{mult}.</source>
        <translation>每{days}：積分 ×{mult}。</translation>
    </message>
    <message>
        <source>Category bonus: {list}.</source>
        <translation>品類加倍：{list}。</translation>
    </message>
    <message>
        <source>Member day, the {day}th of every month: points ×{mult}; gift: {gift}.</source>
        <translation>會員日（每月 {day} 日）：積分 ×{mult}；禮品：{gift}。</translation>
    </message>
    <message>
        <source>Campaign multipliers combine, up to ×{max} in total.</source>
        <translation>多項活動倍數可疊加，合計最高 ×{max}。</translation>
    </message>
    <message>
        <source>Earning points</source>
        <translation>積分獲取</translation>
    </message>
    <message>
        <source>Receipts, expiry and using points</source>
        <translation>小票積分、積分有效期與積分使用</translation>
    </message>
    <message>
        <source>Receipt credit: bring a receipt from any store in the mall to a service desk within {days} days of purchase. Each receipt earns points once. Up to {count} receipts a day; receipts above {amount} need a manager&apos;s approval.</source>
        <translation>小票積分：憑本商場任一商戶的購物小票，於消費後 {days} 天內到服務台積分。每張小票只能積分一次。每人每天最多 {count} 張；單張超過 {amount} 須主管審批。</translation>
    </message>
    <message>
        <source>Expiry: points earned in a year stay valid until 31 December, {years} year(s) later. The oldest points are always used first.</source>
        <translation>有效期：當年獲得的積分有效期至 {years} 年後的 12 月 31 日。使用時優先扣減最早獲得的積分。</translation>
    </message>
    <message>
        <source>Points as cash: {points} points = ¥1 at checkout, for up to {percent}% of a purchase.</source>
        <translation>積分抵現：收銀台 {points} 積分抵 ¥1，最多抵扣單筆消費的 {percent}%。</translation>
    </message>
    <message>
        <source>When the system is offline, a member can redeem at most {points} points a day.</source>
        <translation>系統離線期間，每位會員每天最多兌換 {points} 積分。</translation>
    </message>
    <message>
        <source>Gift catalogue</source>
        <translation>積分兌禮目錄</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>積分</translation>
    </message>
    <message>
        <source>While stocks last at each desk.</source>
        <translation>各服務台數量有限，兌完即止。</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>優惠券</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>最低消費</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>使用條款</translation>
    </message>
    <message>
        <source>Rules {version}</source>
        <translation>規則版本 {version}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 頁，共 {pages} 頁</translation>
    </message>
    <message>
        <source>REPRINT / 重印</source>
        <translation>重印 / REPRINT</translation>
    </message>
    <message>
        <source>Reprinted {at}</source>
        <translation>重印時間 {at}</translation>
    </message>
    <message>
        <source>Offline: provisional until this terminal syncs</source>
        <translation>離線辦理：待本機連網同步後確認</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>業務編號</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>會員號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手機</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Not linked to a member</source>
        <translation>未關聯會員</translation>
    </message>
    <message>
        <source>Value to the member</source>
        <translation>本次優惠</translation>
    </message>
    <message>
        <source>Points before</source>
        <translation>原有積分</translation>
    </message>
    <message>
        <source>This transaction</source>
        <translation>本次變動</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>目前積分</translation>
    </message>
    <message>
        <source>{points} points expire on {date}</source>
        <translation>{points} 積分將於 {date} 到期</translation>
    </message>
    <message>
        <source>Spend {amount} more to reach {tier}</source>
        <translation>再消費 {amount} 即可升級為{tier}</translation>
    </message>
    <message>
        <source>Highest tier: thank you for your loyalty</source>
        <translation>您已是最高等級會員，感謝您的支持</translation>
    </message>
    <message>
        <source>I confirm I received the above.</source>
        <translation>本人確認已收到以上禮品／權益。</translation>
    </message>
    <message>
        <source>Member signature</source>
        <translation>會員簽名</translation>
    </message>
    <message>
        <source>Keep this receipt. Scan the code to reprint or check it.</source>
        <translation>請妥善保管本憑條，掃碼可查詢或重印。</translation>
    </message>
    <message>
        <source>Printer test</source>
        <translation>印表機測試</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型號</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>連接</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>紙張</translation>
    </message>
    <message>
        <source>If this line shows Chinese correctly, the encoding is right:</source>
        <translation>下一行中文顯示正常，即表示編碼設定正確：</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收銀台</translation>
    </message>
    <message>
        <source>Paper slip</source>
        <translation>紙本單</translation>
    </message>
    <message>
        <source>Purchases at checkout</source>
        <translation>收銀台消費</translation>
    </message>
    <message>
        <source>Receipts credited</source>
        <translation>小票積分</translation>
    </message>
    <message>
        <source>Welcome points</source>
        <translation>入會積分</translation>
    </message>
    <message>
        <source>Referral points</source>
        <translation>推薦積分</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>積分調整</translation>
    </message>
    <message>
        <source>Member events</source>
        <translation>會員活動</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>沖正</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>積分抵現</translation>
    </message>
    <message>
        <source>Points donation</source>
        <translation>積分捐贈</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日禮</translation>
    </message>
    <message>
        <source>Free parking</source>
        <translation>免費停車</translation>
    </message>
    <message>
        <source>Member-day gift</source>
        <translation>會員日禮品</translation>
    </message>
    <message>
        <source>Enrollment slip</source>
        <translation>入會單</translation>
    </message>
    <message>
        <source>Receipt-credit slip</source>
        <translation>小票積分單</translation>
    </message>
    <message>
        <source>Redemption slip</source>
        <translation>兌換單</translation>
    </message>
    <message>
        <source>Benefit slip</source>
        <translation>權益領取單</translation>
    </message>
    <message>
        <source>Member number or mobile number</source>
        <translation>會員號或手機號</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Birthday (month-day, year optional)</source>
        <translation>生日（月-日，年份可不填）</translation>
    </message>
    <message>
        <source>Gender (optional)</source>
        <translation>性別（可不填）</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>推薦人</translation>
    </message>
    <message>
        <source>Store (tenant) name or code</source>
        <translation>商戶名稱或編碼</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票號</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>消費日期</translation>
    </message>
    <message>
        <source>Gift code and name</source>
        <translation>禮品編號及名稱</translation>
    </message>
    <message>
        <source>Benefit: birthday / parking / member day</source>
        <translation>權益：生日禮 / 停車 / 會員日</translation>
    </message>
    <message>
        <source>Parking hours</source>
        <translation>停車小時數</translation>
    </message>
    <message>
        <source>Outage kit</source>
        <translation>應急紙本單據</translation>
    </message>
    <message>
        <source>Fill in by hand during an outage; key in at this desk when the system is back.</source>
        <translation>系統停機時手工填寫；系統恢復後在本服務台補錄。</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <source>Time (HH:MM)</source>
        <translation>時間（時:分）</translation>
    </message>
    <message>
        <source>Staff number and signature</source>
        <translation>員工工號及簽名</translation>
    </message>
    <message>
        <source>I accept the member privacy policy (required)</source>
        <translation>本人同意會員隱私政策（必選）</translation>
    </message>
    <message>
        <source>I agree to receive marketing messages (optional)</source>
        <translation>本人同意接收行銷資訊（可選）</translation>
    </message>
    <message>
        <source>Second person (amounts above the limit)</source>
        <translation>第二確認人（超限金額）</translation>
    </message>
    <message>
        <source>Points for purchase</source>
        <translation>消費積分</translation>
    </message>
    <message>
        <source>Receipt credit</source>
        <translation>小票積分</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>積分兌禮</translation>
    </message>
    <message>
        <source>Coupon verified</source>
        <translation>優惠券核銷</translation>
    </message>
    <message>
        <source>Benefit claimed</source>
        <translation>權益領取</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>本期無。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Enrollments by staff and channel</source>
        <translation>新入會（按經辦人和渠道）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新會員</translation>
    </message>
    <message>
        <source>Points earned by source</source>
        <translation>積分發放（按來源）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>筆數</translation>
    </message>
    <message>
        <source>Qualifying spend</source>
        <translation>計級消費</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Points redeemed by gift, voucher, cash offset and donation</source>
        <translation>積分使用（按禮品、券、抵現和捐贈）</translation>
    </message>
    <message>
        <source>Cash value</source>
        <translation>抵現金額</translation>
    </message>
    <message>
        <source>Coupons verified</source>
        <translation>優惠券核銷</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核銷張數</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>面值合計</translation>
    </message>
    <message>
        <source>Benefits claimed</source>
        <translation>權益領取</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>權益</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>被沖正業務</translation>
    </message>
    <message>
        <source>By / approved</source>
        <translation>經辦 / 審批</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Points adjustments</source>
        <translation>積分調整</translation>
    </message>
    <message>
        <source>Paper slips keyed in</source>
        <translation>紙本單補錄</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>單號</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>單據類型</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>手寫時間</translation>
    </message>
    <message>
        <source>Keyed in</source>
        <translation>補錄時間</translation>
    </message>
    <message>
        <source>By</source>
        <translation>補錄人</translation>
    </message>
    <message>
        <source>Issued slips not keyed in yet</source>
        <translation>已發出但尚未補錄的單據</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>張數</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>單據編號</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>未處理</translation>
    </message>
    <message>
        <source>Sync exceptions opened and resolved</source>
        <translation>同步異常（新增與處理）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>發生時間</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>異常情況</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <source>{count} still open</source>
        <translation>{count} 項未處理</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>庫存變動</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>發出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入庫</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未同步</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>NOT SYNCED</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Completeness: terminal sync</source>
        <translation>完整性：終端同步情況</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Operations waiting</source>
        <translation>待上傳筆數</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>No terminals listed.</source>
        <translation>未列出終端。</translation>
    </message>
    <message>
        <source>Stock counted at handover</source>
        <translation>交班盤點</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>系統數</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>實盤數</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差異</translation>
    </message>
    <message>
        <source>No stock was counted.</source>
        <translation>本班未盤點。</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>發放積分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>使用積分</translation>
    </message>
    <message>
        <source>Items handed out</source>
        <translation>發出禮品/券</translation>
    </message>
    <message>
        <source>Reversals / adjustments</source>
        <translation>沖正 / 調整</translation>
    </message>
    <message>
        <source>Open exceptions</source>
        <translation>未處理異常</translation>
    </message>
    <message>
        <source>Points redeemed by item</source>
        <translation>積分使用（按項目）</translation>
    </message>
    <message>
        <source>Operations per hour</source>
        <translation>每小時業務筆數</translation>
    </message>
    <message>
        <source>INCOMPLETE: {count} of {total} terminals had not synced all of this period&apos;s operations ({names}). Their operations are missing from these figures; print the report again after they sync.</source>
        <translation>資料不完整：{total} 台終端中有 {count} 台尚未同步本期全部業務（{names}）。以下數字缺少這些終端的業務，請在其同步後重新列印本報表。</translation>
    </message>
    <message>
        <source>Complete: every terminal had synced all of this period&apos;s operations.</source>
        <translation>資料完整：所有終端均已同步本期全部業務。</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>日報</translation>
    </message>
    <message>
        <source>Business day {day} · {mall} · printed {at} by {who}</source>
        <translation>營業日 {day} · {mall} · {who} 於 {at} 列印</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>製表人</translation>
    </message>
    <message>
        <source>Desk supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <source>Store manager</source>
        <translation>店長</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation>資料不完整</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交班表</translation>
    </message>
    <message>
        <source>{desk} · {start} to {end} · business day {day} · printed {at}</source>
        <translation>{desk} · {start} 至 {end} · 營業日 {day} · 列印於 {at}</translation>
    </message>
    <message>
        <source>Stock count differs from the system for {count} items; explain each difference before signing.</source>
        <translation>有 {count} 項庫存盤點數與系統數不符，請在簽字前逐項說明差異原因。</translation>
    </message>
    <message>
        <source>Gifts handed out</source>
        <translation>發出禮品</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>交班人</translation>
    </message>
    <message>
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
    <message>
        <source>Mall</source>
        <translation>商場</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>營業日</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>列印時間</translation>
    </message>
    <message>
        <source>COMPLETE</source>
        <translation>資料完整</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Could not save the PDF to {path}: {problem}. Choose another folder and try again.</source>
        <translation>無法將 PDF 儲存到 {path}：{problem}。請選擇其他資料夾後重試。</translation>
    </message>
    <message>
        <source>Printing is not set up on this terminal (the print service is not installed). Save the document as PDF instead, and ask IT to install the printer.</source>
        <translation>本機尚未設定列印（未安裝列印服務）。請先另存為 PDF，並聯絡 IT 安裝印表機。</translation>
    </message>
    <message>
        <source>The print service did not answer within {seconds} seconds. Check the printer, then reprint.</source>
        <translation>列印服務 {seconds} 秒內無回應。請檢查印表機後重印。</translation>
    </message>
    <message>
        <source>The print service on this terminal is not running. Restart the terminal or ask IT, then reprint.</source>
        <translation>本機列印服務未執行。請重新啟動終端或聯絡 IT，然後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is out of paper. Load a new roll, then reprint.</source>
        <translation>印表機「{printer}」缺紙。請裝入新紙捲後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” has a paper jam. Clear it, then reprint.</source>
        <translation>印表機「{printer}」卡紙。請清除卡紙後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” has its cover open. Close it, then reprint.</source>
        <translation>印表機「{printer}」機蓋未關。請關好後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is offline. Check its power and cable, then reprint.</source>
        <translation>印表機「{printer}」離線。請檢查電源和連接線後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is stopped ({detail}). Check the printer, ask a manager to resume it, then reprint.</source>
        <translation>印表機「{printer}」已暫停（{detail}）。請檢查印表機，請主管恢復後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is not set up on this terminal. Choose another printer in Settings, or save as PDF.</source>
        <translation>本機未設定印表機「{printer}」。請在設定中選擇其他印表機，或另存為 PDF。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is not accepting jobs. Ask a manager to enable it, then reprint.</source>
        <translation>印表機「{printer}」不接受列印工作。請主管啟用後重印。</translation>
    </message>
    <message>
        <source>No printer is chosen and this terminal has no default printer. Choose a printer in Settings, or save as PDF.</source>
        <translation>未選擇印表機，本機也沒有預設印表機。請在設定中選擇印表機，或另存為 PDF。</translation>
    </message>
    <message>
        <source>Printer “{printer}” refused the job: {detail}. Check the printer, then reprint.</source>
        <translation>印表機「{printer}」拒絕了列印工作：{detail}。請檢查印表機後重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” has not finished the job after {seconds} seconds. Check the printer; reprint if nothing came out.</source>
        <translation>印表機「{printer}」{seconds} 秒後仍未完成列印。請檢查印表機；如未出紙請重印。</translation>
    </message>
    <message>
        <source>This computer has no program that prints PDF files ({detail}). Ask IT to install a PDF reader, or save as PDF.</source>
        <translation>本機沒有可列印 PDF 的程式（{detail}）。請聯絡 IT 安裝 PDF 閱讀器，或另存為 PDF。</translation>
    </message>
    <message>
        <source>Lounge visits</source>
        <translation>貴賓室</translation>
    </message>
    <message>
        <source>Member events attended</source>
        <translation>參加會員活動</translation>
    </message>
    <message>
        <source>Member annual statement {year}</source>
        <translation>{year} 年度會員價值報告</translation>
    </message>
    <message>
        <source>{mall} · prepared {date}</source>
        <translation>{mall} · {date} 出具</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>入會日期</translation>
    </message>
    <message>
        <source>Points you earned</source>
        <translation>獲得積分</translation>
    </message>
    <message>
        <source>Points you used</source>
        <translation>已用積分</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>為您節省</translation>
    </message>
    <message>
        <source>Points per month</source>
        <translation>每月積分</translation>
    </message>
    <message>
        <source>{month}M</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>獲得</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Balance on 1 January</source>
        <translation>1 月 1 日餘額</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>到期失效</translation>
    </message>
    <message>
        <source>Adjustments and reversals</source>
        <translation>調整與沖正</translation>
    </message>
    <message>
        <source>Balance at year end</source>
        <translation>年末餘額</translation>
    </message>
    <message>
        <source>What membership saved you</source>
        <translation>會員為您節省</translation>
    </message>
    <message>
        <source>Tier discounts</source>
        <translation>會員折扣</translation>
    </message>
    <message>
        <source>Points used as cash</source>
        <translation>積分抵現</translation>
    </message>
    <message>
        <source>Coupons used</source>
        <translation>優惠券</translation>
    </message>
    <message>
        <source>Total saved</source>
        <translation>合計節省</translation>
    </message>
    <message>
        <source>None this year.</source>
        <translation>本年度無。</translation>
    </message>
    <message>
        <source>Benefits used</source>
        <translation>已享權益</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Gifts redeemed</source>
        <translation>兌換禮品</translation>
    </message>
    <message>
        <source>{count} purchases earned points this year.</source>
        <translation>本年度共有 {count} 筆消費獲得積分。</translation>
    </message>
    <message>
        <source>{points} points expire on {date}: use them before then.</source>
        <translation>{points} 積分將於 {date} 到期，請及時使用。</translation>
    </message>
    <message>
        <source>Thank you for being our member.</source>
        <translation>感謝您一年來的支持！</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>歡迎</translation>
    </message>
    <message>
        <source>Welcome to our membership!</source>
        <translation>歡迎加入會員！</translation>
    </message>
    <message>
        <source>Member no. {member_no}</source>
        <translation>會員號 {member_no}</translation>
    </message>
    <message>
        <source>Show this code at any desk or checkout to earn and use points.</source>
        <translation>在服務台或收銀台出示此碼即可積分和使用積分。</translation>
    </message>
    <message>
        <source>Code valid until {date}</source>
        <translation>此碼有效期至 {date}</translation>
    </message>
    <message>
        <source>Welcome gift: {gift}</source>
        <translation>入會禮：{gift}</translation>
    </message>
    <message>
        <source>Keep this slip safe: the code identifies you as a member.</source>
        <translation>請妥善保管：此碼代表您的會員身分。</translation>
    </message>
    <message>
        <source>“{address}” is not a printer network address. Write it as 192.168.1.50 or 192.168.1.50:9100.</source>
        <translation>「{address}」不是印表機的網路位址。請寫成 192.168.1.50 或 192.168.1.50:9100。</translation>
    </message>
    <message>
        <source>Unknown printer model “{profile}”. Choose one of: {choices}.</source>
        <translation>未知的印表機型號「{profile}」。請從以下型號中選擇：{choices}。</translation>
    </message>
    <message>
        <source>Unknown printer connection “{transport}”. Choose usb, tcp or cups.</source>
        <translation>未知的印表機連接方式「{transport}」。請選擇 usb、tcp 或 cups。</translation>
    </message>
    <message>
        <source>The printer address is empty. Give the device (/dev/usb/lp0), the network address (192.168.1.50:9100) or the print queue&apos;s name.</source>
        <translation>印表機位址為空。請填寫裝置（/dev/usb/lp0）、網路位址（192.168.1.50:9100）或列印佇列名稱。</translation>
    </message>
    <message>
        <source>Receipt paper must be 80 or 58 mm wide.</source>
        <translation>小票紙寬度必須為 80 或 58 公釐。</translation>
    </message>
    <message>
        <source>The {model} takes {widths} mm paper, not {width} mm.</source>
        <translation>{model} 使用 {widths} 公釐紙捲，不能用 {width} 公釐。</translation>
    </message>
    <message>
        <source>Unknown printer encoding “{encoding}”. Choose GB18030, GBK or UTF-8.</source>
        <translation>未知的印表機編碼「{encoding}」。請選擇 GB18030、GBK 或 UTF-8。</translation>
    </message>
    <message>
        <source>Printer “{printer}” does not answer. Check that it is switched on and its network cable is plugged in, then reprint.</source>
        <translation>印表機「{printer}」沒有回應。請確認已開機、網路線已插好，然後重印。</translation>
    </message>
    <message>
        <source>This terminal may not use the printer at {device}. Ask IT to add the desk&apos;s user to the “lp” group, then reprint.</source>
        <translation>本機無權使用 {device} 上的印表機。請聯絡 IT 將本機使用者加入「lp」群組，然後重印。</translation>
    </message>
    <message>
        <source>No printer is connected at {device}. Check the USB cable and that the printer is on, then reprint.</source>
        <translation>{device} 上沒有連接印表機。請檢查 USB 線並確認印表機已開機，然後重印。</translation>
    </message>
    <message>
        <source>The connection to printer “{printer}” was lost while printing. Check the printer and its cable, then reprint.</source>
        <translation>列印過程中與印表機「{printer}」的連線中斷。請檢查印表機及連接線，然後重印。</translation>
    </message>
    <message>
        <source>I confirm this donation of my points.</source>
        <translation>本人確認捐贈以上積分。</translation>
    </message>
</context>
<context>
    <name>PrinterService</name>
    <message>
        <source>No printer is chosen for this desk yet: open Settings, choose it and make a test print.</source>
        <translation>本服務台尚未選擇印表機：請開啟「設定」選擇印表機並列印測試頁。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已傳送到印表機。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已儲存到 {path}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <source>Printer test</source>
        <translation>印表機測試</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Upgraded to {tier}!</source>
        <translation>已升級為{tier}！</translation>
    </message>
    <message>
        <source>Campaign multiplier ×{mult} applied</source>
        <translation>已享活動倍數 ×{mult}</translation>
    </message>
    <message>
        <source>Welcome points: {points}</source>
        <translation>入會禮積分：{points}</translation>
    </message>
    <message>
        <source>Referral points: {points} (referrer {referrer} receives {referrer_points})</source>
        <translation>推薦積分：{points}（推薦人 {referrer} 獲得 {referrer_points}）</translation>
    </message>
    <message>
        <source>Changed: {field}</source>
        <translation>已修改：{field}</translation>
    </message>
    <message>
        <source>Tier discount {percent}% off: −¥{discount}, to pay ¥{paid}</source>
        <translation>會員折扣 {percent}%：−¥{discount}，實付 ¥{paid}</translation>
    </message>
    <message>
        <source>Purchase ¥{amount}: {points} points</source>
        <translation>消費 ¥{amount}：{points} 積分</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points</source>
        <translation>{tenant} 小票 {receipt_no}，{date} 消費 ¥{amount}：{points} 積分</translation>
    </message>
    <message>
        <source>Approved by manager {staff}</source>
        <translation>經理 {staff} 已核准</translation>
    </message>
    <message>
        <source>{quantity} × {item}: −{points} points</source>
        <translation>{item} × {quantity}：−{points} 積分</translation>
    </message>
    <message>
        <source>Coupon {code}, valid {first} to {last}</source>
        <translation>優惠券 {code}，有效期 {first} 至 {last}</translation>
    </message>
    <message>
        <source>{points} points paid ¥{value} of a ¥{amount} purchase</source>
        <translation>{points} 積分抵扣 ¥{value}（消費 ¥{amount}）</translation>
    </message>
    <message>
        <source>Donated {points} points to {campaign}</source>
        <translation>已向「{campaign}」捐贈 {points} 積分</translation>
    </message>
    <message>
        <source>Thank you! Donated points are passed on to the campaign and not refunded.</source>
        <translation>感謝您的愛心！捐贈的積分將轉交公益項目，不予退還。</translation>
    </message>
    <message>
        <source>Coupon {code}: {name}, value ¥{value}</source>
        <translation>優惠券 {code}：{name}，面值 ¥{value}</translation>
    </message>
    <message>
        <source>Birthday gift: {gift}</source>
        <translation>生日禮：{gift}</translation>
    </message>
    <message>
        <source>Lounge access today</source>
        <translation>今日可使用貴賓室</translation>
    </message>
    <message>
        <source>Double points on the birthday</source>
        <translation>生日當天雙倍積分</translation>
    </message>
    <message>
        <source>Free parking: {hours} h</source>
        <translation>免費停車：{hours} 小時</translation>
    </message>
    <message>
        <source>Member-day gift: {gift}</source>
        <translation>會員日禮：{gift}</translation>
    </message>
    <message>
        <source>Adjustment {points:+d} points: {reason}</source>
        <translation>積分調整 {points:+d}：{reason}</translation>
    </message>
    <message>
        <source>Reversal of {kind} {ref}: {reason}</source>
        <translation>沖正 {kind} {ref}：{reason}</translation>
    </message>
    <message>
        <source>Event attended: {event}</source>
        <translation>參加活動：{event}</translation>
    </message>
    <message>
        <source>Tier after annual review: {tier}</source>
        <translation>年度評定後等級：{tier}</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Credit a store receipt</source>
        <translation>小票積分</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>商戶</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票號</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>消費日期</translation>
    </message>
    <message>
        <source>Manager (if needed)</source>
        <translation>經理工號（如需）</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>經理密碼</translation>
    </message>
    <message>
        <source>Search by name, code or floor…</source>
        <translation>按名稱、編碼或樓層搜尋…</translation>
    </message>
    <message>
        <source>Credit receipt</source>
        <translation>確認積分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the store the receipt is from.</source>
        <translation>請選擇小票所屬商戶。</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Member {member_no} is not active (merged or closed); look up the current record.</source>
        <translation>會員 {member_no} 已失效（已合併或註銷），請查找目前記錄。</translation>
    </message>
    <message>
        <source>Not enough points: this needs {need}, the member has {have}.</source>
        <translation>積分不足：需要 {need}，會員現有 {have}。</translation>
    </message>
    <message>
        <source>Referrer {member_no} was not found; check the number or leave it empty.</source>
        <translation>未找到推薦人 {member_no}，請核對號碼或留空。</translation>
    </message>
    <message>
        <source>“{category}” is not a purchase category; choose one of: {choices}.</source>
        <translation>「{category}」不是消費品類；請從以下品類中選擇：{choices}。</translation>
    </message>
    <message>
        <source>Store code {code} is not a tenant of this mall.</source>
        <translation>商戶編碼 {code} 不是本商場的商戶。</translation>
    </message>
    <message>
        <source>This receipt was already credited on {when} at {desk} (member {member}).</source>
        <translation>該小票已於 {when} 在「{desk}」積分（會員 {member}）。</translation>
    </message>
    <message>
        <source>The purchase date {date} is in the future.</source>
        <translation>消費日期 {date} 晚於今天。</translation>
    </message>
    <message>
        <source>Receipts older than {max} days cannot be credited (this one is {age} days old).</source>
        <translation>超過 {max} 天的小票不能積分（此小票已 {age} 天）。</translation>
    </message>
    <message>
        <source>This member already credited {count} receipts today; a manager must approve more.</source>
        <translation>該會員今天已積分 {count} 張小票，繼續積分需經理核准。</translation>
    </message>
    <message>
        <source>Receipts above ¥{limit} need a manager&apos;s approval.</source>
        <translation>超過 ¥{limit} 的小票需經理核准。</translation>
    </message>
    <message>
        <source>Offline, a member can redeem at most {cap} points a day ({used} used today). Try again when the terminal is online.</source>
        <translation>離線時每位會員每天最多兌換 {cap} 積分（今天已用 {used}）。請在終端連網後再試。</translation>
    </message>
    <message>
        <source>Gift {code} is not in the catalogue.</source>
        <translation>禮品 {code} 不在禮品目錄中。</translation>
    </message>
    <message>
        <source>Only {left} of “{item}” left at this desk.</source>
        <translation>本服務台「{item}」僅剩 {left} 件。</translation>
    </message>
    <message>
        <source>Coupons are redeemed one at a time.</source>
        <translation>優惠券每次只能兌換一張。</translation>
    </message>
    <message>
        <source>Points as cash go in steps of {step} points.</source>
        <translation>積分抵現須以 {step} 積分為單位。</translation>
    </message>
    <message>
        <source>Points can pay at most {percent}% of this purchase (¥{limit}).</source>
        <translation>積分最多抵扣本次消費的 {percent}%（¥{limit}）。</translation>
    </message>
    <message>
        <source>There is no donation campaign {code}; the campaigns are: {choices}.</source>
        <translation>沒有捐贈項目 {code}；現有項目：{choices}。</translation>
    </message>
    <message>
        <source>A donation to {campaign} is from {low} to {high} points.</source>
        <translation>向「{campaign}」捐贈的積分須在 {low} 至 {high} 之間。</translation>
    </message>
    <message>
        <source>Coupon {code} is not known here; it may be forged, or the terminal needs a sync.</source>
        <translation>本終端查不到優惠券 {code}：可能是偽造的，或終端需要同步。</translation>
    </message>
    <message>
        <source>Coupon {code} was already used on {when} at {where}.</source>
        <translation>優惠券 {code} 已於 {when} 在「{where}」使用。</translation>
    </message>
    <message>
        <source>Coupon {code} has been cancelled.</source>
        <translation>優惠券 {code} 已作廢。</translation>
    </message>
    <message>
        <source>Coupon {code} is valid from {date}.</source>
        <translation>優惠券 {code} 自 {date} 起有效。</translation>
    </message>
    <message>
        <source>Coupon {code} expired on {date}.</source>
        <translation>優惠券 {code} 已於 {date} 過期。</translation>
    </message>
    <message>
        <source>Coupon {code} belongs to another member.</source>
        <translation>優惠券 {code} 屬於其他會員。</translation>
    </message>
    <message>
        <source>Coupon {code} needs a purchase of at least ¥{min}.</source>
        <translation>優惠券 {code} 需消費滿 ¥{min} 才能使用。</translation>
    </message>
    <message>
        <source>The birthday gift for {period} was already claimed.</source>
        <translation>{period} 年的生日禮已領取。</translation>
    </message>
    <message>
        <source>Free parking was already claimed today ({period}).</source>
        <translation>今天（{period}）已領取免費停車。</translation>
    </message>
    <message>
        <source>The member-day gift was already claimed today ({period}).</source>
        <translation>今天（{period}）已領取會員日禮品。</translation>
    </message>
    <message>
        <source>The birthday gift can be claimed in the birthday month only.</source>
        <translation>生日禮僅限生日當月領取。</translation>
    </message>
    <message>
        <source>Today is not member day (the {day}th of each month).</source>
        <translation>今天不是會員日（每月 {day} 日）。</translation>
    </message>
    <message>
        <source>This tier has no free parking.</source>
        <translation>該等級沒有免費停車權益。</translation>
    </message>
    <message>
        <source>No coupon number was allocated; try again.</source>
        <translation>未能分配優惠券號碼，請重試。</translation>
    </message>
    <message>
        <source>This kind of transaction cannot be reversed.</source>
        <translation>此類交易不能沖正。</translation>
    </message>
    <message>
        <source>This transaction was already reversed.</source>
        <translation>此交易已沖正。</translation>
    </message>
    <message>
        <source>Coupon {code} issued with this transaction was already used.</source>
        <translation>此交易發放的優惠券 {code} 已被使用。</translation>
    </message>
    <message>
        <source>The member has only {have} of the {need} points to take back; a manager can adjust instead.</source>
        <translation>會員僅有 {have} 積分，不足以扣回 {need} 積分；可由經理進行積分調整。</translation>
    </message>
    <message>
        <source>Attendance at {event} is already recorded.</source>
        <translation>已記錄參加活動 {event}。</translation>
    </message>
    <message>
        <source>The annual review runs on the first day of month {month}.</source>
        <translation>年度評定在每年 {month} 月 1 日進行。</translation>
    </message>
    <message>
        <source>The {year} review was already done for this member.</source>
        <translation>該會員 {year} 年度評定已完成。</translation>
    </message>
    <message>
        <source>This mobile number already belongs to member {member_no}; opening that member.</source>
        <translation>該手機號已屬於會員 {member_no}，正在開啟該會員。</translation>
    </message>
    <message>
        <source>That transaction was not found on this terminal.</source>
        <translation>本終端未找到該交易。</translation>
    </message>
    <message>
        <source>Slip {serial} was never issued by this desk; check the serial on the slip.</source>
        <translation>本服務台從未發出單據 {serial}，請核對單據編號。</translation>
    </message>
    <message>
        <source>Slip {serial} was already keyed in on {when} by {staff}; it is not entered twice.</source>
        <translation>單據 {serial} 已於 {when} 由 {staff} 補錄，不能重複錄入。</translation>
    </message>
    <message>
        <source>No member has the phone number {phone}; check the slip.</source>
        <translation>沒有會員使用手機號 {phone}，請核對單據。</translation>
    </message>
    <message>
        <source>Member {member_no} was not found on this terminal.</source>
        <translation>本終端未找到會員 {member_no}。</translation>
    </message>
    <message>
        <source>There is no staff member {staff_no}.</source>
        <translation>沒有工號為 {staff_no} 的員工。</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>列印憑條</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <source>Back to member</source>
        <translation>返回會員</translation>
    </message>
    <message>
        <source>Print welcome slip</source>
        <translation>列印入會歡迎單</translation>
    </message>
    <message>
        <source>{before} → {after} points</source>
        <translation>積分 {before} → {after}</translation>
    </message>
    <message>
        <source>Saved on this terminal; it will be sent to the server when online.</source>
        <translation>已保存在本終端，連網後將傳送到伺服器。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ReverseScreen</name>
    <message>
        <source>Reverse a transaction</source>
        <translation>交易沖正</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>確認沖正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{time} · {kind} · {points} points</source>
        <translation>{time} · {kind} · {points} 積分</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>must be a table</source>
        <translation>必須是一個表</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少此項</translation>
    </message>
    <message>
        <source>must be a whole number from {lo} to {hi}, got {value}</source>
        <translation>必須是 {lo} 至 {hi} 的整數，實際為 {value}</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>必須是 true 或 false，實際為 {value}</translation>
    </message>
    <message>
        <source>must be a non-empty string, got {value}</source>
        <translation>必須是非空字串，實際為 {value}</translation>
    </message>
    <message>
        <source>must be a decimal written as a string such as &quot;1.5&quot;, got {value}</source>
        <translation>必須是寫成字串的小數，例如 &quot;1.5&quot;，實際為 {value}</translation>
    </message>
    <message>
        <source>must be between {lo} and {hi}, got {value}</source>
        <translation>必須在 {lo} 與 {hi} 之間，實際為 {value}</translation>
    </message>
    <message>
        <source>must be a table with {languages}</source>
        <translation>必須是包含 {languages} 的表</translation>
    </message>
    <message>
        <source>missing or empty</source>
        <translation>缺少或為空</translation>
    </message>
    <message>
        <source>not valid TOML ({error})</source>
        <translation>不是有效的 TOML（{error}）</translation>
    </message>
    <message>
        <source>unknown time zone {value}</source>
        <translation>未知時區 {value}</translation>
    </message>
    <message>
        <source>must list at least one tier</source>
        <translation>必須至少列出一個等級</translation>
    </message>
    <message>
        <source>use letters, digits and underscores, got {value}</source>
        <translation>只能使用字母、數字和底線，實際為 {value}</translation>
    </message>
    <message>
        <source>must be higher than the tier before it</source>
        <translation>必須高於前一個等級</translation>
    </message>
    <message>
        <source>{value} appears twice</source>
        <translation>{value} 出現了兩次</translation>
    </message>
    <message>
        <source>the first tier must start at 0</source>
        <translation>第一個等級必須從 0 開始</translation>
    </message>
    <message>
        <source>unknown tier {value}</source>
        <translation>未知等級 {value}</translation>
    </message>
    <message>
        <source>must list dates like 2026-12-12</source>
        <translation>必須列出形如 2026-12-12 的日期</translation>
    </message>
    <message>
        <source>not a date like 2026-12-12: {value}</source>
        <translation>不是形如 2026-12-12 的日期：{value}</translation>
    </message>
    <message>
        <source>must list weekdays 1 (Monday) to 7 (Sunday)</source>
        <translation>必須列出星期 1（星期一）至 7（星期日）</translation>
    </message>
    <message>
        <source>must be more than lifecycle.active_days</source>
        <translation>必須大於 lifecycle.active_days</translation>
    </message>
    <message>
        <source>must be a list of campaigns ([[donation]] tables)</source>
        <translation>必須是活動列表（[[donation]] 表）</translation>
    </message>
    <message>
        <source>use up to 20 letters, digits and -, got {value}</source>
        <translation>最多 20 個字母、數字或 -，實際為 {value}</translation>
    </message>
    <message>
        <source>write it in capitals, got {value}</source>
        <translation>請用大寫字母，實際為 {value}</translation>
    </message>
    <message>
        <source>must be at least min_points ({low}), got {value}</source>
        <translation>必須不小於 min_points（{low}），實際為 {value}</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Confirm with your PIN</source>
        <translation>用 PIN 確認</translation>
    </message>
    <message>
        <source>Enter your PIN again to confirm this.</source>
        <translation>請再次輸入您的 PIN 以確認此操作。</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>New</source>
        <translation>新會員</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活躍</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>High-value loyal</source>
        <translation>重要價值會員</translation>
    </message>
    <message>
        <source>Thank them: invite to VIP events, offer early access.</source>
        <translation>表示感謝：邀請參加貴賓活動，提供優先購權益。</translation>
    </message>
    <message>
        <source>High-value, developing</source>
        <translation>重要發展會員</translation>
    </message>
    <message>
        <source>Encourage return visits: suggest a member-day offer.</source>
        <translation>鼓勵回訪：推薦會員日優惠。</translation>
    </message>
    <message>
        <source>High-value, slipping away</source>
        <translation>重要保持會員</translation>
    </message>
    <message>
        <source>Keep them: mention points expiring and tier benefits.</source>
        <translation>維繫關係：提醒即將過期的積分和等級權益。</translation>
    </message>
    <message>
        <source>High-value, dormant — worth waking</source>
        <translation>重要挽留會員（值得喚醒）</translation>
    </message>
    <message>
        <source>Win back: offer a personal coupon or a birthday reminder.</source>
        <translation>挽回：提供專屬優惠券或生日提醒。</translation>
    </message>
    <message>
        <source>Regular, loyal</source>
        <translation>一般價值會員</translation>
    </message>
    <message>
        <source>Upsell: point out how close the next tier is.</source>
        <translation>促升級：告知距離下一等級還差多少。</translation>
    </message>
    <message>
        <source>New or occasional</source>
        <translation>一般發展會員</translation>
    </message>
    <message>
        <source>Welcome them: explain receipt crediting and gifts.</source>
        <translation>歡迎引導：介紹小票積分和積分兌禮。</translation>
    </message>
    <message>
        <source>Regular, drifting</source>
        <translation>一般保持會員</translation>
    </message>
    <message>
        <source>Remind them of unused benefits and parking.</source>
        <translation>提醒尚未使用的權益和停車優惠。</translation>
    </message>
    <message>
        <source>Low-value, dormant</source>
        <translation>一般挽留會員</translation>
    </message>
    <message>
        <source>Low priority: include in mass campaigns only.</source>
        <translation>低優先級：僅納入大眾行銷活動。</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Operation {op_id} arrived damaged (its checksum does not match).</source>
        <translation>操作 {op_id} 傳輸中已損壞（校驗值不符）。</translation>
    </message>
    <message>
        <source>Operation {op_id} was already received with different content; it is not applied again.</source>
        <translation>操作 {op_id} 已以不同內容接收過，不會再次執行。</translation>
    </message>
    <message>
        <source>This terminal&apos;s operation log has forked from the server&apos;s (it was restored from a backup); its new operations must continue in a new epoch.</source>
        <translation>本終端的操作日誌與伺服器不一致（曾從備份還原），新操作須在新的紀元中繼續。</translation>
    </message>
    <message>
        <source>Operations are missing before {epoch}/{seq}; send from {expected}.</source>
        <translation>{epoch}/{seq} 之前缺少操作，請從 {expected} 開始傳送。</translation>
    </message>
    <message>
        <source>The server could not apply this operation ({error}); it is kept for an administrator, who applies it with “memberdesk-server reapply” once the fault is fixed. The desk keeps it as it is.</source>
        <translation>伺服器未能處理此操作（{error}）；操作已保留，管理員修復故障後用「memberdesk-server reapply」重新處理。服務台上的結果保持不變。</translation>
    </message>
    <message>
        <source>Refused: {kind} by staff {staff_no}, whose role ({role}) may not do this. Check the desk&apos;s staff list and whether the terminal was tampered with.</source>
        <translation>已拒絕：員工 {staff_no} 的{kind}，其角色（{role}）無權進行此操作。請核查本服務台的員工名單，以及終端是否被竄改。</translation>
    </message>
    <message>
        <source>Refused: {kind} by staff {staff_no}, who was disabled on {since}. Check whether the terminal was tampered with or had not synced since.</source>
        <translation>已拒絕：員工 {staff_no} 的{kind}，該員工已於 {since} 停用。請核查終端是否被竄改，或此後一直未同步。</translation>
    </message>
    <message>
        <source>Booked although not permitted: {kind} by staff {staff_no}, whose role ({role}) may not do this; it was already handed over. Check it and whether the terminal was tampered with.</source>
        <translation>未經授權但已入帳：員工 {staff_no} 的{kind}，其角色（{role}）無權進行此操作；因禮品或抵扣已交付，已照常入帳。請核查該筆業務，以及終端是否被竄改。</translation>
    </message>
    <message>
        <source>Member number {member_no} is already used by another member; this enrollment was not recorded.</source>
        <translation>會員號 {member_no} 已被其他會員使用，本次入會未記錄。</translation>
    </message>
    <message>
        <source>A redemption for member {member_no} was booked although the member had {short} points too few (the gift was already handed over). Decide whether to recover the points.</source>
        <translation>會員 {member_no} 的兌換已入帳，但積分不足 {short} 分（禮品已發出）。請決定是否追回積分。</translation>
    </message>
    <message>
        <source>Operations of kind {kind} are not accepted.</source>
        <translation>不接受類型為 {kind} 的操作。</translation>
    </message>
    <message>
        <source>Coupon code {code} is already in use; this coupon was not issued.</source>
        <translation>券碼 {code} 已被使用，本券未發放。</translation>
    </message>
    <message>
        <source>Member {alias} has the same mobile number as member {primary}, who enrolled first; it was merged into {primary}. Review the merge.</source>
        <translation>會員 {alias} 與先入會的會員 {primary} 手機號相同，已合併到 {primary}。請覆核合併。</translation>
    </message>
    <message>
        <source>Paper slip {serial} was already keyed in.</source>
        <translation>紙本單據 {serial} 已錄入過。</translation>
    </message>
    <message>
        <source>The {field} of member {member_no} was changed at two desks at once; the later change was kept. Check which is right.</source>
        <translation>會員 {member_no} 的 {field} 在兩個服務台同時被修改，已保留較晚的修改。請核實哪個正確。</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters or digits.</source>
        <translation>員工號為 1 至 16 位字母或數字。</translation>
    </message>
    <message>
        <source>The role must be desk, cashier or manager.</source>
        <translation>角色須為 desk、cashier 或 manager。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 為 4 至 8 位數字。</translation>
    </message>
    <message>
        <source>Staff number {staff_no} is not known.</source>
        <translation>員工號 {staff_no} 不存在。</translation>
    </message>
    <message>
        <source>Terminal {terminal} is not registered.</source>
        <translation>終端 {terminal} 未註冊。</translation>
    </message>
    <message>
        <source>Gift {code} is not in the catalogue.</source>
        <translation>禮品 {code} 不在目錄中。</translation>
    </message>
    <message>
        <source>A terminal code is from 1 to 899.</source>
        <translation>終端編號為 1 至 899。</translation>
    </message>
    <message>
        <source>Terminal code {code} is already registered.</source>
        <translation>終端編號 {code} 已註冊。</translation>
    </message>
    <message>
        <source>This desk is already registered as terminal code {have}; this registration code is for terminal code {wanted}. Issue a code for terminal code {have}, or revoke {terminal} first.</source>
        <translation>此服務台已註冊為終端代碼 {have}；此註冊碼用於終端代碼 {wanted}。請為終端代碼 {have} 簽發註冊碼，或先註銷 {terminal}。</translation>
    </message>
    <message>
        <source>This registration code is not valid (mistyped, used or expired); ask for a new one.</source>
        <translation>此註冊碼無效（輸錯、已使用或已過期），請申請新的註冊碼。</translation>
    </message>
    <message>
        <source>This terminal already has operations under terminal code {have}; issue a registration code for that terminal code.</source>
        <translation>本終端已有終端編號 {have} 下的操作，請為該終端編號簽發註冊碼。</translation>
    </message>
    <message>
        <source>No member-QR key ids are left; retire an old key.</source>
        <translation>會員二維碼金鑰編號已用完，請停用舊金鑰。</translation>
    </message>
    <message>
        <source>Line {line}: the phone number repeats.</source>
        <translation>第 {line} 行：手機號重複。</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>Line {line}: points must be a whole number.</source>
        <translation>第 {line} 行：積分須為整數。</translation>
    </message>
    <message>
        <source>{phone} already belongs to a member; nothing was imported.</source>
        <translation>{phone} 已屬於某會員，未匯入任何資料。</translation>
    </message>
    <message>
        <source>Coupon definition {code} is not known.</source>
        <translation>券類型 {code} 不存在。</translation>
    </message>
    <message>
        <source>Write down the decision that resolves the exception.</source>
        <translation>請寫明處理該異常的決定。</translation>
    </message>
    <message>
        <source>Exception {id} does not exist.</source>
        <translation>異常 {id} 不存在。</translation>
    </message>
    <message>
        <source>Exception {id} is already resolved.</source>
        <translation>異常 {id} 已處理。</translation>
    </message>
    <message>
        <source>Operation {op_id} is not quarantined.</source>
        <translation>操作 {op_id} 不在待處理隔離區中。</translation>
    </message>
    <message>
        <source>The server is busy; try again shortly.</source>
        <translation>伺服器繁忙，請稍後再試。</translation>
    </message>
    <message>
        <source>This terminal is not registered.</source>
        <translation>本終端未註冊。</translation>
    </message>
    <message>
        <source>This terminal&apos;s registration was revoked or is unknown; register it again.</source>
        <translation>本終端的註冊已被撤銷或無法識別，請重新註冊。</translation>
    </message>
    <message>
        <source>Too many requests from this terminal; it will try again shortly.</source>
        <translation>本終端請求過於頻繁，稍後將自動重試。</translation>
    </message>
    <message>
        <source>The request is not valid; nothing was changed.</source>
        <translation>請求無效，未做任何更改。</translation>
    </message>
    <message>
        <source>The server is not set up: {problem}</source>
        <translation>伺服器尚未設定：{problem}</translation>
    </message>
    <message>
        <source>This terminal is too far behind to catch up change by change; set it up from the server&apos;s snapshot (memberdesk bootstrap).</source>
        <translation>本終端落後太多，無法逐條追上變更；請用伺服器快照重新設定（memberdesk bootstrap）。</translation>
    </message>
    <message>
        <source>No snapshot was built yet; run: memberdesk-server snapshot</source>
        <translation>尚未產生快照，請執行：memberdesk-server snapshot</translation>
    </message>
    <message>
        <source>That snapshot is no longer available.</source>
        <translation>該快照已不可用。</translation>
    </message>
    <message>
        <source>Coupon {code} is not known.</source>
        <translation>券 {code} 不存在。</translation>
    </message>
    <message>
        <source>This exception can only be resolved on the server by an administrator.</source>
        <translation>此異常只能由管理員在伺服器上處理。</translation>
    </message>
    <message>
        <source>Only an active manager may resolve exceptions.</source>
        <translation>只有在職經理可以處理異常。</translation>
    </message>
    <message>
        <source>The server database is ready.</source>
        <translation>伺服器資料庫已就緒。</translation>
    </message>
    <message>
        <source>Staff {staff_no} saved.</source>
        <translation>員工 {staff_no} 已儲存。</translation>
    </message>
    <message>
        <source>Staff {staff_no} is disabled; every terminal locks them out at its next sync.</source>
        <translation>員工 {staff_no} 已停用；各終端在下次同步時將禁止其登入。</translation>
    </message>
    <message>
        <source>Rows {first}–{last} kept from before a divergence ({reason}, {at}).</source>
        <translation>第 {first}–{last} 行為分歧前保留的記錄（{reason}，{at}）。</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is intact ({rows} rows anchored).</source>
        <translation>{terminal} 的稽核鏈完整（已錨定 {rows} 行）。</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is broken at row {row} ({reason}).</source>
        <translation>{terminal} 的稽核鏈在第 {row} 行斷開（{reason}）。</translation>
    </message>
    <message>
        <source>Rules {version} loaded.</source>
        <translation>規則 {version} 已載入。</translation>
    </message>
    <message>
        <source>{count} members imported.</source>
        <translation>已匯入 {count} 名會員。</translation>
    </message>
    <message>
        <source>Registration code for {name}: {code} (valid {hours} h, once).</source>
        <translation>{name} 的註冊碼：{code}（{hours} 小時內有效，僅限一次）。</translation>
    </message>
    <message>
        <source>Terminal {terminal} is revoked.</source>
        <translation>終端 {terminal} 已撤銷。</translation>
    </message>
    <message>
        <source>Snapshot at change {change_no}: {members} members, {size} bytes, SHA-256 {sha}.</source>
        <translation>快照截至變更 {change_no}：{members} 名會員，{size} 位元組，SHA-256 {sha}。</translation>
    </message>
    <message>
        <source>Change feed pruned through change {floor}: {deleted} changes deleted.</source>
        <translation>變更記錄已清理至第 {floor} 號：刪除 {deleted} 筆。</translation>
    </message>
    <message>
        <source>New member-QR signing key {key_id}.</source>
        <translation>新的會員二維碼簽章金鑰 {key_id}。</translation>
    </message>
    <message>
        <source>Exception {id} resolved.</source>
        <translation>異常 {id} 已處理。</translation>
    </message>
    <message>
        <source>{done} operations applied again; {held} still quarantined.</source>
        <translation>已重新處理 {done} 個操作；仍有 {held} 個在隔離區。</translation>
    </message>
    <message>
        <source>Stock allocated.</source>
        <translation>庫存已分配。</translation>
    </message>
    <message>
        <source>The request is larger than the server accepts ({limit} bytes).</source>
        <translation>請求超出伺服器允許的大小（{limit} 位元組）。</translation>
    </message>
    <message>
        <source>{count} receipts were credited to member {member_no} on {day}; check that they are the member&apos;s own purchases.</source>
        <translation>{day} 會員 {member_no} 共積分了 {count} 張小票，請核實是否均為會員本人消費。</translation>
    </message>
    <message>
        <source>Member {member_no} redeemed points at {count} desks ({desks}) within {minutes} minutes; check whether the points were spent twice.</source>
        <translation>會員 {member_no} 在 {minutes} 分鐘內於 {count} 個服務台（{desks}）兌換積分，請核查積分是否被重複使用。</translation>
    </message>
    <message>
        <source>Staff {staff_no} at {terminal} reversed a transaction that has no matching earning on the server ({count} on {day}); check the reversals.</source>
        <translation>{terminal} 的員工 {staff_no} 沖正了一筆在伺服器上沒有對應積分的交易（{day} 共 {count} 筆），請核查沖正記錄。</translation>
    </message>
    <message>
        <source>Staff {staff_no} was disabled on {since}, but operations they made later at {terminal} on {day} arrived ({count} so far) and were booked. Check them, and that the desk has synced since.</source>
        <translation>員工 {staff_no} 已於 {since} 停用，但其之後於 {day} 在 {terminal} 辦理的業務已送達（目前 {count} 筆）並已入帳。請核查這些業務，並確認該服務台此後已同步。</translation>
    </message>
    <message>
        <source>Staff {staff_no} revealed {count} full phone numbers within an hour (up to {at}); check why.</source>
        <translation>員工 {staff_no} 一小時內查看了 {count} 個完整手機號（截至 {at}），請核查原因。</translation>
    </message>
    <message>
        <source>Staff {staff_no} looked up {count} members within an hour (up to {at}); check why.</source>
        <translation>員工 {staff_no} 一小時內查詢了 {count} 位會員（截至 {at}），請核查原因。</translation>
    </message>
    <message>
        <source>Staff {staff_no} exported member data at {terminal} ({rows} rows; {count} exports that day); check that the export was authorised.</source>
        <translation>員工 {staff_no} 在 {terminal} 匯出了會員資料（{rows} 行；當天共匯出 {count} 次），請核實匯出是否經過授權。</translation>
    </message>
    <message>
        <source>The audit log of {terminal} was rewritten: row {row} differs from what the terminal reported earlier. Find out who had access to the terminal; the server kept the original rows.</source>
        <translation>{terminal} 的稽核日誌被改寫：第 {row} 行與終端此前上報的不一致。請查明誰接觸過該終端；伺服器已保留原始記錄。</translation>
    </message>
    <message>
        <source>Audit rows of {terminal} from row {row} on were deleted on the terminal. Find out who had access to the terminal; the server kept the original rows.</source>
        <translation>{terminal} 自第 {row} 行起的稽核記錄在終端上被刪除。請查明誰接觸過該終端；伺服器已保留原始記錄。</translation>
    </message>
    <message>
        <source>The audit log of {terminal} has a gap or rows out of order before row {row}. Find out who had access to the terminal.</source>
        <translation>{terminal} 的稽核日誌在第 {row} 行之前有缺失或順序錯亂。請查明誰接觸過該終端。</translation>
    </message>
    <message>
        <source>The audit log of {terminal} is broken at row {row} (its link to the previous row does not match). Find out who had access to the terminal.</source>
        <translation>{terminal} 的稽核日誌在第 {row} 行斷開（與上一行的連結不符）。請查明誰接觸過該終端。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>伺服器位址</translation>
    </message>
    <message>
        <source>One-time registration code</source>
        <translation>一次性註冊碼</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>小票紙</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>印表機</translation>
    </message>
    <message>
        <source>Serial scanner (USB-COM mode)</source>
        <translation>序列埠掃碼槍（USB-COM 模式）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation>閒置鎖定（分鐘）</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票印表機</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>連接方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Chinese encoding</source>
        <translation>中文編碼</translation>
    </message>
    <message>
        <source>Logo (optional)</source>
        <translation>標誌（選填）</translation>
    </message>
    <message>
        <source>Printer for A4 and PDF</source>
        <translation>A4 及 PDF 印表機</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Speed (baud)</source>
        <translation>鮑率</translation>
    </message>
    <message>
        <source>PNG file, printed at the top of every slip</source>
        <translation>PNG 檔案，列印在每張小票頂部</translation>
    </message>
    <message>
        <source>None: the scanner types (keyboard mode)</source>
        <translation>無：掃碼槍以鍵盤方式輸入</translation>
    </message>
    <message>
        <source>Register this terminal</source>
        <translation>註冊本終端</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>列印測試頁</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>About MemberDesk</source>
        <translation>關於 MemberDesk</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>First, choose this desk&apos;s receipt printer and make a test print; then save.</source>
        <translation>首次使用：請先選擇本服務台的小票印表機並列印測試頁，然後儲存。</translation>
    </message>
    <message>
        <source>The language changes at once, without a restart. Settings are kept in this terminal&apos;s database.</source>
        <translation>語言立即切換，無需重新啟動。設定保存在本終端的資料庫中。</translation>
    </message>
    <message>
        <source>No receipt printer (print preview)</source>
        <translation>無小票印表機（列印預覽）</translation>
    </message>
    <message>
        <source>Printer with a driver (PDF through the print queue)</source>
        <translation>有驅動程式的印表機（經列印佇列列印 PDF）</translation>
    </message>
    <message>
        <source>USB (device file)</source>
        <translation>USB（裝置檔案）</translation>
    </message>
    <message>
        <source>Network (port 9100)</source>
        <translation>網路（9100 連接埠）</translation>
    </message>
    <message>
        <source>Print queue (raw CUPS)</source>
        <translation>列印佇列（CUPS 原始模式）</translation>
    </message>
    <message>
        <source>As the model ({encoding})</source>
        <translation>依型號（{encoding}）</translation>
    </message>
    <message>
        <source>80 mm thermal</source>
        <translation>80 毫米熱感紙</translation>
    </message>
    <message>
        <source>58 mm thermal</source>
        <translation>58 毫米熱感紙</translation>
    </message>
    <message>
        <source>None (print preview)</source>
        <translation>無（列印預覽）</translation>
    </message>
    <message>
        <source>No camera (scanner only)</source>
        <translation>不使用攝影機（僅掃碼槍）</translation>
    </message>
    <message>
        <source>Camera {index}</source>
        <translation>攝影機 {index}</translation>
    </message>
    <message>
        <source>name of a raw print queue</source>
        <translation>原始模式列印佇列名稱</translation>
    </message>
    <message>
        <source>No serial scanner: codes come from the keyboard wedge or camera.</source>
        <translation>未使用序列埠掃碼槍：條碼來自鍵盤模式掃碼槍或攝影機。</translation>
    </message>
    <message>
        <source>Scanner on {port} is connected.</source>
        <translation>{port} 上的掃碼槍已連接。</translation>
    </message>
    <message>
        <source>Waiting for the scanner on {port} (plug it in; it is found by itself).</source>
        <translation>正在等待 {port} 上的掃碼槍（插上即可，自動識別）。</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>正在列印測試頁…</translation>
    </message>
    <message>
        <source>Test page sent to {printer}. Check the Chinese line, the ruler and the QR code.</source>
        <translation>測試頁已傳送到 {printer}。請檢查中文行、標尺和 QR 碼。</translation>
    </message>
    <message>
        <source>MemberDesk {version}
Terminal {terminal} · rules {rules}</source>
        <translation>MemberDesk {version}
終端 {terminal} · 規則 {rules}</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Staff no.</source>
        <translation>工號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database at {path} cannot run in safe mode (WAL, synchronous=FULL); check that the folder is on a local disk.</source>
        <translation>位於 {path} 的資料庫無法以安全模式執行（WAL，synchronous=FULL），請確認該資料夾在本機磁碟上。</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer MemberDesk (migration {name}); install that version or newer.</source>
        <translation>此資料庫已由較新版本的 MemberDesk 升級（遷移 {name}），請安裝該版本或更新版本。</translation>
    </message>
    <message>
        <source>This terminal is not set up yet; run “memberdesk init”.</source>
        <translation>本終端尚未設定，請執行「memberdesk init」。</translation>
    </message>
    <message>
        <source>No {name} are loaded on this terminal; run “memberdesk init”.</source>
        <translation>本終端未載入 {name}，請執行「memberdesk init」。</translation>
    </message>
    <message>
        <source>The key for the database at {path} is not in this computer&apos;s keyring. Restore it with “memberdesk store-key import”, or ask IT to restore the keyring; nothing was changed.</source>
        <translation>本機鑰匙圈中沒有位於 {path} 的資料庫的金鑰。請用「memberdesk store-key import」還原金鑰，或請 IT 還原鑰匙圈；未做任何變更。</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database key in ({detail}). Sign in to the desktop session (Windows: the terminal&apos;s user account) and start MemberDesk again.</source>
        <translation>本機沒有可保存資料庫金鑰的鑰匙圈（{detail}）。請登入桌面工作階段（Windows：終端的使用者帳戶）後重新啟動 MemberDesk。</translation>
    </message>
    <message>
        <source>The database at {path} is in use by another program; close it and try again.</source>
        <translation>位於 {path} 的資料庫正被其他程式使用，請關閉後重試。</translation>
    </message>
    <message>
        <source>The database at {path} cannot be opened with the key in this computer&apos;s keyring: the key is wrong or the file is not a MemberDesk database. Nothing was changed.</source>
        <translation>無法用本機鑰匙圈中的金鑰開啟位於 {path} 的資料庫：金鑰錯誤，或該檔案不是 MemberDesk 資料庫。未做任何變更。</translation>
    </message>
    <message>
        <source>A store key is 64 hexadecimal digits.</source>
        <translation>資料庫金鑰為 64 位十六進位數字。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The server&apos;s certificate could not be verified ({error}).</source>
        <translation>無法驗證伺服器憑證（{error}）。</translation>
    </message>
    <message>
        <source>The server cannot be reached ({error}).</source>
        <translation>無法連線伺服器（{error}）。</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP {status}); trying again.</source>
        <translation>伺服器內部出錯（HTTP {status}），正在重試。</translation>
    </message>
    <message>
        <source>The server is busy (HTTP {status}); trying again.</source>
        <translation>伺服器繁忙（HTTP {status}），正在重試。</translation>
    </message>
    <message>
        <source>The server does not accept this terminal; register it again.</source>
        <translation>伺服器不接受本終端，請重新註冊。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {status}).</source>
        <translation>伺服器拒絕了請求（HTTP {status}）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off; trying again.</source>
        <translation>伺服器的回應被中斷，正在重試。</translation>
    </message>
    <message>
        <source>The download was interrupted; it resumes where it stopped.</source>
        <translation>下載中斷，將從中斷處繼續。</translation>
    </message>
    <message>
        <source>The downloaded snapshot is damaged (checksum mismatch).</source>
        <translation>下載的快照已損壞（校驗值不符）。</translation>
    </message>
    <message>
        <source>This terminal is not registered with a server yet.</source>
        <translation>本終端尚未在伺服器註冊。</translation>
    </message>
    <message>
        <source>Another program is syncing this terminal; trying again shortly.</source>
        <translation>另一個程式正在同步本終端，稍後重試。</translation>
    </message>
    <message>
        <source>Sync has a problem ({error}); it keeps trying. Tell IT if it stays.</source>
        <translation>同步出現問題（{error}），系統會繼續重試。如持續出現，請通知 IT。</translation>
    </message>
    <message>
        <source>Receipt credited at two desks</source>
        <translation>同一小票在兩個服務台積分</translation>
    </message>
    <message>
        <source>Coupon used at two desks</source>
        <translation>同一優惠券在兩個服務台核銷</translation>
    </message>
    <message>
        <source>Same phone enrolled twice: merge review</source>
        <translation>同一手機號重複入會：待覆核合併</translation>
    </message>
    <message>
        <source>Offline redemption overdrew the balance</source>
        <translation>離線兌換導致積分透支</translation>
    </message>
    <message>
        <source>Paper slip keyed in twice</source>
        <translation>紙本單據重複錄入</translation>
    </message>
    <message>
        <source>Profile changed at two desks</source>
        <translation>資料在兩個服務台被修改</translation>
    </message>
    <message>
        <source>Operation by a role not permitted to do it</source>
        <translation>無權限角色執行的操作</translation>
    </message>
    <message>
        <source>Audit log of this desk rewritten</source>
        <translation>本服務台的稽核日誌被改寫</translation>
    </message>
    <message>
        <source>Bulk export</source>
        <translation>批量匯出</translation>
    </message>
    <message>
        <source>Unusually many member look-ups</source>
        <translation>會員查詢次數異常</translation>
    </message>
    <message>
        <source>Unusually many phone reveals</source>
        <translation>查看完整手機號次數異常</translation>
    </message>
    <message>
        <source>Many receipts credited to one member</source>
        <translation>同一會員補錄大量小票</translation>
    </message>
    <message>
        <source>One member redeeming at several desks</source>
        <translation>同一會員在多個服務台兌換</translation>
    </message>
    <message>
        <source>Reversal without a matching earn</source>
        <translation>沖正沒有對應的積分記錄</translation>
    </message>
    <message>
        <source>Work by disabled staff</source>
        <translation>已停用員工的操作</translation>
    </message>
    <message>
        <source>Write down the decision that resolves the exception.</source>
        <translation>請寫明處理該異常的決定。</translation>
    </message>
    <message>
        <source>Resolving an exception needs the server; try again online.</source>
        <translation>處理異常需要連線伺服器，請連網後再試。</translation>
    </message>
    <message>
        <source>The server could not record the decision: {reason}</source>
        <translation>伺服器無法記錄該決定：{reason}</translation>
    </message>
    <message>
        <source>The snapshot failed its integrity check ({problem}).</source>
        <translation>快照未通過完整性檢查（{problem}）。</translation>
    </message>
    <message>
        <source>{count} operations of this terminal are not confirmed by the server yet; sync first.</source>
        <translation>本終端有 {count} 個操作尚未經伺服器確認，請先同步。</translation>
    </message>
    <message>
        <source>There is no backup file at {path}.</source>
        <translation>{path} 處沒有備份檔案。</translation>
    </message>
    <message>
        <source>The backup {path} cannot be opened with this terminal&apos;s key (made on another computer, or not a MemberDesk backup). Nothing was changed.</source>
        <translation>無法用本終端的金鑰開啟備份 {path}（可能在另一台電腦上製作，或不是 MemberDesk 備份）。未做任何變更。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or not a terminal store ({detail}); nothing was changed.</source>
        <translation>備份 {path} 已損壞或不是終端資料庫（{detail}）；未做任何變更。</translation>
    </message>
    <message>
        <source>The backup is of terminal {backup}, this store is terminal {store}; nothing was changed.</source>
        <translation>該備份屬於終端 {backup}，本資料庫屬於終端 {store}；未做任何變更。</translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>{count} operations waiting since {since}</source>
        <translation>{count} 筆操作待傳送（自 {since}）</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>無待傳送操作</translation>
    </message>
    <message>
        <source>last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>{count} open exceptions</source>
        <translation>{count} 筆異常待處理</translation>
    </message>
</context>
<context>
    <name>Tenant</name>
    <message>
        <source>Code</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>商戶</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>樓層</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Terminal</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>Terminal code</source>
        <translation>終端編號</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>紀元</translation>
    </message>
    <message>
        <source>Rules version</source>
        <translation>規則版本</translation>
    </message>
    <message>
        <source>Operations waiting to be sent</source>
        <translation>待傳送操作</translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>最早待傳送時間</translation>
    </message>
    <message>
        <source>Members in this store</source>
        <translation>本機會員數</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter the member number (10 digits) or scan the member code.</source>
        <translation>請輸入會員號（10 位數字）或掃描會員碼。</translation>
    </message>
    <message>
        <source>“{value}” is not a member number: a digit is wrong (the check digit does not match).</source>
        <translation>「{value}」不是有效的會員號：有一位數字有誤（校驗位不符）。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid member number.</source>
        <translation>「{value}」不是有效的會員號。</translation>
    </message>
    <message>
        <source>Please enter an amount.</source>
        <translation>請輸入金額。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金額必須大於零。</translation>
    </message>
    <message>
        <source>The amount is more than any single purchase; check it.</source>
        <translation>金額超出單筆消費上限，請核對。</translation>
    </message>
    <message>
        <source>Please enter a number of points other than zero.</source>
        <translation>請輸入不為零的積分數。</translation>
    </message>
    <message>
        <source>{value} points is out of range.</source>
        <translation>{value} 積分超出允許範圍。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation>「{value}」不是可選項之一。</translation>
    </message>
    <message>
        <source>Please enter a date like 2026-11-20.</source>
        <translation>請輸入日期，例如 2026-11-20。</translation>
    </message>
    <message>
        <source>“{key}” must be yes or no.</source>
        <translation>「{key}」須為是或否。</translation>
    </message>
    <message>
        <source>The consent record is missing.</source>
        <translation>缺少同意記錄。</translation>
    </message>
    <message>
        <source>Please enter the birthday (month and day).</source>
        <translation>請輸入生日（月和日）。</translation>
    </message>
    <message>
        <source>The member must accept the privacy policy to enroll.</source>
        <translation>會員須同意隱私政策才能註冊。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>沒有任何修改。</translation>
    </message>
    <message>
        <source>“{field}” cannot be edited here.</source>
        <translation>此處不能修改「{field}」。</translation>
    </message>
    <message>
        <source>The quantity must be from 1 to 20.</source>
        <translation>數量須為 1 至 20。</translation>
    </message>
    <message>
        <source>Choose the transaction to reverse.</source>
        <translation>請選擇要沖正的交易。</translation>
    </message>
    <message>
        <source>Slip {serial} is not a slip for this kind of entry.</source>
        <translation>單據 {serial} 不是此類業務的單據。</translation>
    </message>
    <message>
        <source>Unknown operation “{kind}”.</source>
        <translation>未知操作「{kind}」。</translation>
    </message>
    <message>
        <source>The operation has no details.</source>
        <translation>該操作缺少詳細資訊。</translation>
    </message>
    <message>
        <source>“{text}” is not a mainland mobile number (11 digits starting with 13–19).</source>
        <translation>「{text}」不是有效的大陸手機號（以 13–19 開頭的 11 位數字）。</translation>
    </message>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation>請輸入會員姓名。</translation>
    </message>
    <message>
        <source>A name can have at most {max} characters.</source>
        <translation>姓名最多 {max} 個字元。</translation>
    </message>
    <message>
        <source>A name may contain letters, spaces, · - and &apos; only, not “{char}”.</source>
        <translation>姓名只能包含文字、空格、· - 和 &apos;，不能包含「{char}」。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此項為必填項。</translation>
    </message>
    <message>
        <source>At most {max} characters, please.</source>
        <translation>最多 {max} 個字元。</translation>
    </message>
    <message>
        <source>Use letters, digits, - / and . only (at most {max} characters).</source>
        <translation>只能使用字母、數字、- / 和 .（最多 {max} 個字元）。</translation>
    </message>
    <message>
        <source>Contains an invisible or control character (U+{code}).</source>
        <translation>包含不可見字元或控制字元（U+{code}）。</translation>
    </message>
    <message>
        <source>“{value}” is not a gender the desk records; choose female (女), male (男), other (其他) or none.</source>
        <translation>「{value}」不是可登記的性別；請選擇 女（female）、男（male）、其他（other）或不填。</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as 2026-11-20.</source>
        <translation>「{text}」不是日期，請寫成 2026-11-20。</translation>
    </message>
    <message>
        <source>{text} is not in the calendar: check the month and the day.</source>
        <translation>日曆上沒有 {text}：請核對月份和日期。</translation>
    </message>
    <message>
        <source>Write the birthday as month-day, e.g. 03-15, or 1990-03-15.</source>
        <translation>請按「月-日」填寫生日，例如 03-15 或 1990-03-15。</translation>
    </message>
    <message>
        <source>{month}-{day} is not a date in the calendar.</source>
        <translation>{month}-{day} 不是有效日期。</translation>
    </message>
    <message>
        <source>The birthday {year}-{month:02d}-{day:02d} is in the future.</source>
        <translation>生日 {year}-{month:02d}-{day:02d} 晚於今天。</translation>
    </message>
    <message>
        <source>The birth year {year} is more than 120 years ago; check the year, or leave it out.</source>
        <translation>出生年份 {year} 距今超過 120 年；請核對年份，或不填年份。</translation>
    </message>
    <message>
        <source>The birth year {year} is not plausible.</source>
        <translation>出生年份 {year} 不合理。</translation>
    </message>
    <message>
        <source>{year} had no 29 February.</source>
        <translation>{year} 年沒有 2 月 29 日。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>「{value}」不是整數。</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters or digits.</source>
        <translation>工號為 1 至 16 位字母或數字。</translation>
    </message>
    <message>
        <source>Choose between 1 and 500 slips of each kind.</source>
        <translation>每類單據請選擇 1 至 500 張。</translation>
    </message>
    <message>
        <source>Write the time on the slip as 2026-11-22 14:30.</source>
        <translation>請按 2026-11-22 14:30 的格式填寫單據上的時間。</translation>
    </message>
    <message>
        <source>The time on the slip ({written}) is later than now; check the date and hour.</source>
        <translation>憑條上的時間（{written}）晚於現在；請核對日期和鐘點。</translation>
    </message>
    <message>
        <source>The slip was written on {written}, more than 60 days ago; slips that old are not keyed in.</source>
        <translation>憑條填寫於 {written}，已超過 60 天；這麼早的憑條不再補錄。</translation>
    </message>
</context>
</TS>
