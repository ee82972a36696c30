<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionScreen</name>
    <message>
        <source>Checking online…</source>
        <translation>正在联网核对…</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
</context>
<context>
    <name>AdjustScreen</name>
    <message>
        <source>Adjust points (manager)</source>
        <translation>积分调整（经理）</translation>
    </message>
    <message>
        <source>Points (+ or −)</source>
        <translation>积分（+ 或 −）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter a whole number of points, e.g. 200 or -150.</source>
        <translation>请输入整数积分，例如 200 或 -150。</translation>
    </message>
</context>
<context>
    <name>Amount</name>
    <message>
        <source>“{text}” is not an amount in yuan, e.g. 128.50.</source>
        <translation>“{text}”不是有效的金额（元），例如 128.50。</translation>
    </message>
    <message>
        <source>{yuan} yuan is more than any single purchase; check the amount.</source>
        <translation>{yuan} 元超出单笔消费上限，请核对金额。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>MemberDesk cannot open its database</source>
        <translation>MemberDesk 无法打开数据库</translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>Desk staff</source>
        <translation>服务台专员</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Membership office clerk</source>
        <translation>会员办公室专员</translation>
    </message>
    <message>
        <source>Membership office manager</source>
        <translation>会员办公室主管</translation>
    </message>
    <message>
        <source>Store manager</source>
        <translation>商场经理</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>密码为 4 至 8 位数字。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this; ask a manager.</source>
        <translation>您的角色（{role}）无权进行此操作，请联系经理。</translation>
    </message>
    <message>
        <source>Staff number or PIN is wrong.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {staff_no} is locked until {until}. A manager can unlock it.</source>
        <translation>密码错误次数过多：{staff_no} 已锁定至 {until}，可请经理解锁。</translation>
    </message>
    <message>
        <source>Enter your PIN again to confirm this.</source>
        <translation>请再次输入您的 PIN 以确认此操作。</translation>
    </message>
    <message>
        <source>The PIN is wrong; nothing was done.</source>
        <translation>PIN 错误，未执行任何操作。</translation>
    </message>
    <message>
        <source>Please log in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <source>{staff_no} has been disabled; this session has ended.</source>
        <translation>{staff_no} 已被停用，本次会话已结束。</translation>
    </message>
    <message>
        <source>{staff_no} ({name}) is not a manager; a manager must approve this.</source>
        <translation>{staff_no}（{name}）不是经理；此操作须由经理批准。</translation>
    </message>
    <message>
        <source>The manager&apos;s staff number or PIN is wrong.</source>
        <translation>经理工号或密码错误。</translation>
    </message>
    <message>
        <source>This amount needs a second person to confirm it: their staff number and PIN.</source>
        <translation>该金额需第二人确认：请输入其工号和密码。</translation>
    </message>
    <message>
        <source>The second person must be someone else than who keys the slip in.</source>
        <translation>第二确认人不能是补录本单据的员工本人。</translation>
    </message>
    <message>
        <source>The second person&apos;s staff number or PIN is wrong.</source>
        <translation>第二确认人的工号或密码错误。</translation>
    </message>
</context>
<context>
    <name>BackEntryScreen</name>
    <message>
        <source>Key in paper slips</source>
        <translation>补录纸质单据</translation>
    </message>
    <message>
        <source>Slip serial</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>Scan the slip&apos;s code or type its serial</source>
        <translation>扫描单据上的码或输入单据编号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Date and time on the slip</source>
        <translation>单据上的日期时间</translation>
    </message>
    <message>
        <source>Written by (staff no.)</source>
        <translation>填写人（工号）</translation>
    </message>
    <message>
        <source>Second person (if the amount needs it)</source>
        <translation>第二确认人（金额需要时）</translation>
    </message>
    <message>
        <source>Second person&apos;s PIN</source>
        <translation>第二确认人密码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Referrer (member no.)</source>
        <translation>推荐人（会员号）</translation>
    </message>
    <message>
        <source>Member number or mobile</source>
        <translation>会员号或手机号</translation>
    </message>
    <message>
        <source>Store code</source>
        <translation>商户编码</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>消费日期</translation>
    </message>
    <message>
        <source>Gift code</source>
        <translation>礼品编号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Benefit (birthday, parking, member_day)</source>
        <translation>权益（birthday 生日 / parking 停车 / member_day 会员日）</translation>
    </message>
    <message>
        <source>The member ticked the privacy policy box (required)</source>
        <translation>会员已勾选隐私政策（必需）</translation>
    </message>
    <message>
        <source>The member ticked the marketing box</source>
        <translation>会员已勾选接收营销信息</translation>
    </message>
    <message>
        <source>Key in</source>
        <translation>补录</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>{count} issued slips are not keyed in yet.</source>
        <translation>已发出的单据中还有 {count} 张未补录。</translation>
    </message>
    <message>
        <source>Every issued slip has been keyed in.</source>
        <translation>已发出的单据均已补录。</translation>
    </message>
    <message>
        <source>This slip was already keyed in on {when} by {staff}.</source>
        <translation>该单据已于 {when} 由 {staff} 补录。</translation>
    </message>
    <message>
        <source>Enrollment slip</source>
        <translation>入会单</translation>
    </message>
    <message>
        <source>Receipt-credit slip</source>
        <translation>小票积分单</translation>
    </message>
    <message>
        <source>Redemption slip</source>
        <translation>兑换单</translation>
    </message>
    <message>
        <source>Benefit slip</source>
        <translation>权益单</translation>
    </message>
    <message>
        <source>Scan a slip to begin.</source>
        <translation>请扫描单据开始补录。</translation>
    </message>
</context>
<context>
    <name>BenefitScreen</name>
    <message>
        <source>Claim a benefit</source>
        <translation>领取权益</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Free parking</source>
        <translation>免费停车</translation>
    </message>
    <message>
        <source>Member-day gift</source>
        <translation>会员日礼</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Parking for this tier: {hours} h a day.</source>
        <translation>本等级停车权益：每天 {hours} 小时。</translation>
    </message>
    <message>
        <source>Choose a benefit.</source>
        <translation>请选择一项权益。</translation>
    </message>
</context>
<context>
    <name>CashOffsetScreen</name>
    <message>
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Purchase amount (¥)</source>
        <translation>消费金额（元）</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <source>Use points</source>
        <translation>确认抵现</translation>
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
        <translation>请输入要使用的积分数。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>There is no terminal store at {path}; create one with: memberdesk --db {path} init --terminal-code N</source>
        <translation>{path} 没有终端数据库；请先创建：memberdesk --db {path} init --terminal-code N</translation>
    </message>
    <message>
        <source>The store&apos;s key cannot be read from this computer&apos;s keyring ({error}).</source>
        <translation>无法从本机密钥环读取数据库密钥（{error}）。</translation>
    </message>
    <message>
        <source>{path} cannot be used ({error}); check the path and its permissions.</source>
        <translation>无法使用 {path}（{error}）；请检查路径和权限。</translation>
    </message>
    <message>
        <source>The command failed unexpectedly ({error}); the details are in {log}. Please tell IT.</source>
        <translation>命令意外失败（{error}）；详情已写入 {log}。请通知 IT。</translation>
    </message>
    <message>
        <source>The terminal code must be from 1 to 899 (900–999 are kept for imports).</source>
        <translation>终端编号须为 1 至 899（900–999 保留给导入）。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} problem(s) to fix first.</source>
        <translation>未导入任何会员：请先修正 {count} 处问题。</translation>
    </message>
    <message>
        <source>Make from 1 to 2,000,000 demo members.</source>
        <translation>演示会员数须为 1 至 2,000,000。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name for the backup.</source>
        <translation>{path} 已存在；请为备份另选文件名。</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>This is not a member code.</source>
        <translation>这不是会员码。</translation>
    </message>
    <message>
        <source>The member code is incomplete; please scan it again.</source>
        <translation>会员码不完整，请重新扫描。</translation>
    </message>
    <message>
        <source>The member code is damaged; please scan it again.</source>
        <translation>会员码已损坏，请重新扫描。</translation>
    </message>
    <message>
        <source>This member code was signed with a key this terminal does not know (key {key}). Sync the terminal, or look the member up by phone.</source>
        <translation>此会员码使用本终端未知的密钥签发（密钥 {key}）。请同步终端，或用手机号查找会员。</translation>
    </message>
    <message>
        <source>This member code is not genuine (signature check failed).</source>
        <translation>此会员码不是真实的（签名校验失败）。</translation>
    </message>
    <message>
        <source>This member code expired on {date}; ask the member to refresh it.</source>
        <translation>此会员码已于 {date} 过期，请会员刷新会员码。</translation>
    </message>
    <message>
        <source>“{code}” is not a coupon code.</source>
        <translation>“{code}”不是优惠券码。</translation>
    </message>
    <message>
        <source>The coupon code {code} has a typing error; check it again.</source>
        <translation>优惠券码 {code} 有输入错误，请再核对。</translation>
    </message>
    <message>
        <source>“{code}” is not a paper-slip serial.</source>
        <translation>“{code}”不是纸质单据编号。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>This form has expired or did not come from the console; open the page again.</source>
        <translation>此表单已过期或并非来自本控制台，请重新打开页面。</translation>
    </message>
    <message>
        <source>A user number is 1 to 16 letters or digits.</source>
        <translation>用户编号为 1 至 16 位字母或数字。</translation>
    </message>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation>密码至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>The role must be office_clerk, office_manager or store_manager.</source>
        <translation>角色必须是会员办公室专员、会员办公室主管或商场经理。</translation>
    </message>
    <message>
        <source>User {user_no} is not known.</source>
        <translation>用户 {user_no} 不存在。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords until {until}; an office manager can unlock it.</source>
        <translation>密码错误次数过多，此账户已锁定至 {until}；会员办公室主管可为其解锁。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
        <translation>密码错误次数过多：此账户锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The user number or password is wrong.</source>
        <translation>用户编号或密码错误。</translation>
    </message>
    <message>
        <source>The request is not valid; nothing was changed.</source>
        <translation>请求无效，未做任何更改。</translation>
    </message>
    <message>
        <source>Say why the full details are needed.</source>
        <translation>请说明需要查看完整信息的原因。</translation>
    </message>
    <message>
        <source>Points are a whole number other than zero, + or −.</source>
        <translation>积分须为非零整数，可为正或负。</translation>
    </message>
    <message>
        <source>The adjustment waits for a second person&apos;s approval.</source>
        <translation>该调整等待第二人审批。</translation>
    </message>
    <message>
        <source>This adjustment is not waiting for a decision.</source>
        <translation>该调整不在待审批状态。</translation>
    </message>
    <message>
        <source>The second person must be someone else than who asked for the adjustment.</source>
        <translation>审批人不能是提出调整的本人。</translation>
    </message>
    <message>
        <source>Adjustment approved: every desk gets it at its next sync.</source>
        <translation>调整已批准：各服务台下次同步时收到。</translation>
    </message>
    <message>
        <source>Adjustment refused.</source>
        <translation>调整已驳回。</translation>
    </message>
    <message>
        <source>Type the member number to confirm the erasure.</source>
        <translation>请输入会员号以确认删除。</translation>
    </message>
    <message>
        <source>The member&apos;s personal data is erased; the points ledger and receipts stay for the accounts.</source>
        <translation>该会员的个人信息已删除；积分流水和小票因财务需要保留。</translation>
    </message>
    <message>
        <source>Give the desk a name.</source>
        <translation>请为服务台命名。</translation>
    </message>
    <message>
        <source>A terminal code is from 1 to 899.</source>
        <translation>终端代码为 1 至 899。</translation>
    </message>
    <message>
        <source>Terminal {terminal} is decommissioned.</source>
        <translation>终端 {terminal} 已停用。</translation>
    </message>
    <message>
        <source>You cannot disable yourself.</source>
        <translation>不能停用您自己的账户。</translation>
    </message>
    <message>
        <source>The effective day is a date like 2027-01-01.</source>
        <translation>生效日期须为日期，例如 2027-01-01。</translation>
    </message>
    <message>
        <source>Rules {version} take effect on {day}; desks get them at their next sync that day.</source>
        <translation>规则 {version} 将于 {day} 生效；各服务台在当日下次同步时收到。</translation>
    </message>
    <message>
        <source>Job run {id} started; this page follows it until it ends.</source>
        <translation>任务运行 {id} 已开始；本页面将持续显示进度直至结束。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>Not valid TOML: {error}</source>
        <translation>不是有效的 TOML：{error}</translation>
    </message>
    <message>
        <source>User {user_no} saved.</source>
        <translation>用户 {user_no} 已保存。</translation>
    </message>
    <message>
        <source>Issue between 1 and 10000 coupons at a time.</source>
        <translation>每次发放 1 至 10000 张券。</translation>
    </message>
    <message>
        <source>The quantity is a whole number other than zero.</source>
        <translation>数量须为非零整数。</translation>
    </message>
    <message>
        <source>The job is running already (here or on another server instance).</source>
        <translation>该任务已在运行（本机或其他服务器实例）。</translation>
    </message>
    <message>
        <source>This period was run already; tick “run again” to run it once more.</source>
        <translation>该周期已运行过；如需再次运行，请勾选“再次运行”。</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Verify its chain</source>
        <translation>校验其审计链</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is intact ({rows} rows anchored).</source>
        <translation>{terminal} 的审计链完整（已锚定 {rows} 行）。</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is broken at row {row} ({reason}).</source>
        <translation>{terminal} 的审计链在第 {row} 行断开（{reason}）。</translation>
    </message>
    <message>
        <source>Terminals&apos; anchored audit rows</source>
        <translation>各终端已锚定的审计记录</translation>
    </message>
    <message>
        <source>Staff, action, subject or operation</source>
        <translation>员工、动作、对象或操作</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Console actions</source>
        <translation>控制台操作记录</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Membership office</source>
        <translation>会员办公室</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Coupons &amp; stock</source>
        <translation>券与库存</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>定时任务</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Issue a batch of coupons</source>
        <translation>批量发券</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>券</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>For member (optional)</source>
        <translation>指定会员（可选）</translation>
    </message>
    <message>
        <source>Issue and download the codes (CSV)</source>
        <translation>发放并下载券码（CSV）</translation>
    </message>
    <message>
        <source>One coupon&apos;s story</source>
        <translation>单张券的经历</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>No coupon has this code.</source>
        <translation>没有此券码的券。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
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
        <translation>结果</translation>
    </message>
    <message>
        <source>Gift stock per desk</source>
        <translation>各服务台礼品库存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantity (negative takes back)</source>
        <translation>数量（负数为收回）</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>产生时间</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Resolved by {who} at {at}: {decision}</source>
        <translation>已由 {who} 于 {at} 处理：{decision}</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>No exceptions match.</source>
        <translation>没有符合条件的异常。</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Period due now</source>
        <translation>当前应运行的周期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User number</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>since {day}</source>
        <translation>自 {day} 起</translation>
    </message>
    <message>
        <source>Points available</source>
        <translation>可用积分</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Show full details (recorded)</source>
        <translation>显示完整信息（将记录）</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>隐私告知</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级历史</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Tier before</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>Tier after</source>
        <translation>变更后等级</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Lots and expiry</source>
        <translation>积分批次与到期</translation>
    </message>
    <message>
        <source>Year earned</source>
        <translation>获得年份</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Spend (yuan)</source>
        <translation>消费（元）</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>券</translation>
    </message>
    <message>
        <source>Benefits claimed</source>
        <translation>已领取权益</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>Manual adjustment</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>Points (+ or −)</source>
        <translation>积分（+ 或 −）</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Personal information requests</source>
        <translation>个人信息请求</translation>
    </message>
    <message>
        <source>Export everything held (file)</source>
        <translation>导出全部个人信息（文件）</translation>
    </message>
    <message>
        <source>Type the member number to confirm</source>
        <translation>输入会员号以确认</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Phone, member number, card number or name</source>
        <translation>手机号、会员号、卡号或姓名</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>No member matches.</source>
        <translation>没有匹配的会员。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Whole mall</source>
        <translation>全场</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Daily report (PDF)</source>
        <translation>日报（PDF）</translation>
    </message>
    <message>
        <source>Daily report (CSV)</source>
        <translation>日报（CSV）</translation>
    </message>
    <message>
        <source>Complete: every terminal has synced the day.</source>
        <translation>完整：所有终端均已同步当日数据。</translation>
    </message>
    <message>
        <source>Not complete: these terminals had not synced the day yet:</source>
        <translation>不完整：以下终端尚未同步当日数据：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>业务笔数</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>新入会</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Coupons verified</source>
        <translation>核销券数</translation>
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
        <translation>本月数据（CSV）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Points donated</source>
        <translation>捐赠积分</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票券</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Points donation</source>
        <translation>积分捐赠</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>兑换明细</translation>
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
        <translation>加载时间</translation>
    </message>
    <message>
        <source>Upload a new rules file</source>
        <translation>上传新的规则文件</translation>
    </message>
    <message>
        <source>The rules file was not loaded: fix these and upload it again.</source>
        <translation>规则文件未加载：请修正以下问题后重新上传。</translation>
    </message>
    <message>
        <source>{count} problems found:</source>
        <translation>发现 {count} 个问题：</translation>
    </message>
    <message>
        <source>1 problem found:</source>
        <translation>发现 1 个问题：</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>The file is valid. Check the differences below, then load it at once or from a later business day: every desk takes it at its next sync.</source>
        <translation>文件有效。请核对下方差异，然后立即加载或指定以后的营业日生效：各服务台下次同步时收到。</translation>
    </message>
    <message>
        <source>Effective from (blank: at once)</source>
        <translation>生效日期（留空即立即生效）</translation>
    </message>
    <message>
        <source>Load these rules</source>
        <translation>加载此规则</translation>
    </message>
    <message>
        <source>Rules file (TOML)</source>
        <translation>规则文件（TOML）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Differences from the current rules</source>
        <translation>与当前规则的差异</translation>
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
        <translation>历史</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>被替换版本</translation>
    </message>
    <message>
        <source>Roll back to {version}</source>
        <translation>回退到 {version}</translation>
    </message>
    <message>
        <source>Current rules file</source>
        <translation>当前规则文件</translation>
    </message>
    <message>
        <source>Office users (this console)</source>
        <translation>办公室用户（本控制台）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Password (new users; blank keeps it)</source>
        <translation>密码（新用户必填；留空则不变）</translation>
    </message>
    <message>
        <source>Save user</source>
        <translation>保存用户</translation>
    </message>
    <message>
        <source>Desk staff (pulled by every terminal)</source>
        <translation>服务台员工（各终端同步）</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>PIN (new staff; blank keeps it)</source>
        <translation>密码（新员工必填；留空则不变）</translation>
    </message>
    <message>
        <source>Save staff</source>
        <translation>保存员工</translation>
    </message>
    <message>
        <source>Registration code for {name}</source>
        <translation>{name} 的注册码</translation>
    </message>
    <message>
        <source>Valid for 24 hours, once. Type it (or scan it) on the new terminal.</source>
        <translation>24 小时内有效，仅可使用一次。请在新终端上输入（或扫描）。</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>服务台名称</translation>
    </message>
    <message>
        <source>Terminal code (optional)</source>
        <translation>终端代码（可选）</translation>
    </message>
    <message>
        <source>Issue a registration code</source>
        <translation>发放注册码</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Operations not yet pushed</source>
        <translation>待上传操作</translation>
    </message>
    <message>
        <source>Changes not yet pulled</source>
        <translation>未拉取的变更</translation>
    </message>
    <message>
        <source>an older version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Decommission</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Registration codes issued</source>
        <translation>已发放的注册码</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放时间</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Open exceptions</source>
        <translation>未处理异常</translation>
    </message>
    <message>
        <source>Operations per desk and kind</source>
        <translation>各服务台各类业务笔数</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>No operations yet today.</source>
        <translation>今日尚无业务。</translation>
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
        <translation>近 30 天业务笔数</translation>
    </message>
</context>
<context>
    <name>CouponScreen</name>
    <message>
        <source>Verify a coupon</source>
        <translation>核销优惠券</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>优惠券码</translation>
    </message>
    <message>
        <source>Purchase amount (¥, optional)</source>
        <translation>消费金额（元，可选）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify and use</source>
        <translation>确认核销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scan the coupon, or type its code.</source>
        <translation>请扫描优惠券，或输入券码。</translation>
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
        <translation>已作废</translation>
    </message>
    <message>
        <source>Value ¥{value}, minimum spend ¥{min}</source>
        <translation>面值 ¥{value}，满 ¥{min} 可用</translation>
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
        <translation>积分爱心捐赠</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>捐赠项目</translation>
    </message>
    <message>
        <source>Points to donate</source>
        <translation>捐赠积分</translation>
    </message>
    <message>
        <source>↑/↓ choose the campaign</source>
        <translation>↑/↓ 选择捐赠项目</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>确认捐赠</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The rules name no donation campaign; nothing can be donated.</source>
        <translation>规则中没有捐赠项目，暂不能捐赠。</translation>
    </message>
    <message>
        <source>{low} to {high} points a donation.</source>
        <translation>每次捐赠 {low} 至 {high} 积分。</translation>
    </message>
    <message>
        <source>The member has {balance} points.</source>
        <translation>该会员现有 {balance} 积分。</translation>
    </message>
    <message>
        <source>{points} points to {campaign}; {left} points left.</source>
        <translation>捐赠 {points} 积分给{campaign}，捐赠后剩余 {left} 积分。</translation>
    </message>
    <message>
        <source>Enter the number of points to donate, e.g. 500.</source>
        <translation>请输入要捐赠的积分数，例如 500。</translation>
    </message>
</context>
<context>
    <name>EarnScreen</name>
    <message>
        <source>Points for a purchase</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Apply the member&apos;s tier discount</source>
        <translation>使用会员等级折扣</translation>
    </message>
    <message>
        <source>General</source>
        <translation>综合</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>服饰</translation>
    </message>
    <message>
        <source>Cosmetics</source>
        <translation>化妆品</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Sports</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>数码</translation>
    </message>
    <message>
        <source>Kids</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>娱乐</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>珠宝</translation>
    </message>
    <message>
        <source>Credit points</source>
        <translation>确认积分</translation>
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
        <translation>注册新会员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Referrer (member no.)</source>
        <translation>推荐人（会员号）</translation>
    </message>
    <message>
        <source>month-day, e.g. 03-15 (year optional)</source>
        <translation>月-日，例如 03-15（年份可选）</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>不填写</translation>
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
        <translation>会员同意隐私政策（必选）</translation>
    </message>
    <message>
        <source>The member agrees to receive marketing messages (optional)</source>
        <translation>会员同意接收营销信息（可选）</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>注册</translation>
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
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
</context>
<context>
    <name>Gift</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
</context>
<context>
    <name>GiftScreen</name>
    <message>
        <source>Redeem a gift</source>
        <translation>积分兑礼</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>兑换…</translation>
    </message>
    <message>
        <source>Choose a gift from the catalogue.</source>
        <translation>请从礼品目录中选择礼品。</translation>
    </message>
    <message>
        <source>Spend {points} points on {quantity} × {gift}? Press Confirm.</source>
        <translation>使用 {points} 积分兑换 {gift} × {quantity}？请按“确认”。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>消费（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>服务器已拒绝</translation>
    </message>
    <message>
        <source>Rejected by the server · exception #{id} open</source>
        <translation>服务器已拒绝 · 异常 #{id} 待处理</translation>
    </message>
    <message>
        <source>Rejected by the server · exception #{id} resolved</source>
        <translation>服务器已拒绝 · 异常 #{id} 已处理</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>历史导入</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Member service</source>
        <translation>会员服务</translation>
    </message>
    <message>
        <source>Scan the member&apos;s code, or type a phone number, member number, card number or name.</source>
        <translation>请扫描会员码，或输入手机号、会员号、卡号或姓名。</translation>
    </message>
    <message>
        <source>Scan or search…</source>
        <translation>扫码或搜索…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Enroll a new member</source>
        <translation>注册新会员</translation>
    </message>
    <message>
        <source>Verify a coupon</source>
        <translation>核销优惠券</translation>
    </message>
    <message>
        <source>Key in paper slips</source>
        <translation>补录纸质单据</translation>
    </message>
    <message>
        <source>No member found. Check the number, or enroll a new member.</source>
        <translation>未找到会员。请核对号码，或注册新会员。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{file} is neither UTF-8 nor GBK/GB18030 text; save it again as CSV UTF-8.</source>
        <translation>{file} 既不是 UTF-8 也不是 GBK/GB18030 文本；请重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The header lacks the column “{column}”.</source>
        <translation>表头缺少“{column}”列。</translation>
    </message>
    <message>
        <source>Points must be a whole number.</source>
        <translation>积分必须是整数。</translation>
    </message>
    <message>
        <source>Gender must be female, male, other or empty.</source>
        <translation>性别须为 female、male、other 或留空。</translation>
    </message>
    <message>
        <source>Points must be from 0 to 10,000,000.</source>
        <translation>积分须在 0 至 10,000,000 之间。</translation>
    </message>
    <message>
        <source>The phone number repeats line {line}.</source>
        <translation>手机号与第 {line} 行重复。</translation>
    </message>
    <message>
        <source>The phone number already belongs to a member.</source>
        <translation>该手机号已属于一位会员。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Annual tier review</source>
        <translation>年度等级复核</translation>
    </message>
    <message>
        <source>On the 1st of the rules&apos; review month: one step down for members whose qualifying spend no longer holds their tier.</source>
        <translation>规则所定复核月份的 1 日：消费已不足以保持等级的会员降一级。</translation>
    </message>
    <message>
        <source>Year-end expiry sweep</source>
        <translation>年终积分过期清理</translation>
    </message>
    <message>
        <source>On 1 January: write off the points that lapsed at the end of the year.</source>
        <translation>1 月 1 日：核销上年末到期的积分。</translation>
    </message>
    <message>
        <source>Rules taking effect</source>
        <translation>规则生效</translation>
    </message>
    <message>
        <source>Each business day: load the rules uploaded for a later day once that day has come.</source>
        <translation>每个营业日：到达指定日期时，加载预先上传的规则。</translation>
    </message>
    <message>
        <source>Nightly snapshot and pruning</source>
        <translation>夜间快照与清理</translation>
    </message>
    <message>
        <source>Every night after 03:00: a bootstrap snapshot, then the change feed no terminal needs.</source>
        <translation>每晚 03:00 后：生成初始化快照，然后清理各终端已不需要的变更记录。</translation>
    </message>
    <message>
        <source>There is no job called {name}.</source>
        <translation>没有名为 {name} 的任务。</translation>
    </message>
    <message>
        <source>{period} is not a period of this job (a year, or a date for the snapshot).</source>
        <translation>{period} 不是该任务的周期（应为年份，快照则为日期）。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The terminal was locked. Log in to continue.</source>
        <translation>终端已锁定，请登录后继续。</translation>
    </message>
    <message>
        <source>Enter your staff number and PIN.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{mall} · {desk} · MemberDesk</source>
        <translation>{mall} · {desk} · MemberDesk 会员服务台</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>This is a paper slip; a desk clerk or a manager keys it in.</source>
        <translation>这是纸质单据，请由服务台专员或经理补录。</translation>
    </message>
    <message>
        <source>This is a WeChat Pay payment code, not a member code. Ask for the member code.</source>
        <translation>这是微信支付付款码，不是会员码。请顾客出示会员码。</translation>
    </message>
    <message>
        <source>This is an Alipay payment code, not a member code. Ask for the member code.</source>
        <translation>这是支付宝付款码，不是会员码。请顾客出示会员码。</translation>
    </message>
    <message>
        <source>No member has the scanned code {code}.</source>
        <translation>没有会员使用扫描到的号码 {code}。</translation>
    </message>
    <message>
        <source>A form is half filled</source>
        <translation>表单尚未填完</translation>
    </message>
    <message>
        <source>A code was scanned while this form is half filled. Leave the form and open the code?</source>
        <translation>表单尚未填完时扫描到了新的码。放弃此表单并打开该码吗？</translation>
    </message>
    <message>
        <source>Open the code (Enter)</source>
        <translation>打开该码（Enter）</translation>
    </message>
    <message>
        <source>Keep the form (Esc)</source>
        <translation>保留表单（Esc）</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Terminal registered. Log in again to start working online.</source>
        <translation>终端已注册。请重新登录以开始联网工作。</translation>
    </message>
    <message>
        <source>No server is configured; operations stay on this terminal until one is.</source>
        <translation>尚未配置服务器，操作将保存在本终端，直到配置服务器。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing you saved is lost; please tell the manager.</source>
        <translation>程序出错了。已保存的内容不会丢失，请告知经理。</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Exceptions inbox</source>
        <translation>异常处理</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Unlock selected staff</source>
        <translation>解锁所选员工</translation>
    </message>
    <message>
        <source>Reprint a receipt</source>
        <translation>重印凭条</translation>
    </message>
    <message>
        <source>Reference, e.g. 007-000003</source>
        <translation>单号，例如 007-000003</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Handed over to (staff no.)</source>
        <translation>交接给（工号）</translation>
    </message>
    <message>
        <source>Gifts counted</source>
        <translation>礼品盘点</translation>
    </message>
    <message>
        <source>gift code = number counted, e.g. K001=12, K002=5</source>
        <translation>礼品编码 = 盘点数量，例如 K001=12, K002=5</translation>
    </message>
    <message>
        <source>Print shift handover</source>
        <translation>打印交班单</translation>
    </message>
    <message>
        <source>Shift handover as CSV</source>
        <translation>交班单导出 CSV</translation>
    </message>
    <message>
        <source>Decision, e.g. &apos;credited at Desk 2 is correct; told member&apos;</source>
        <translation>处理决定，例如“以 2 号服务台积分为准，已告知会员”</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>记录决定</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
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
        <translation>密码</translation>
    </message>
    <message>
        <source>Desk staff</source>
        <translation>服务台专员</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Add or update staff</source>
        <translation>添加或更新员工</translation>
    </message>
    <message>
        <source>Print today&apos;s daily report</source>
        <translation>打印今日日报</translation>
    </message>
    <message>
        <source>Daily report as CSV</source>
        <translation>日报导出 CSV</translation>
    </message>
    <message>
        <source>Print the benefits handbook</source>
        <translation>打印会员权益手册</translation>
    </message>
    <message>
        <source>Print an outage kit (50 slips + handbook)</source>
        <translation>打印应急单据包（50 张单据 + 权益手册）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Exceptions inbox ({count} open)</source>
        <translation>异常收件箱（{count} 条待处理）</translation>
    </message>
    <message>
        <source>Shift of {name} ({staff_no}) since {start}: its figures, gifts handed out and stock counted.</source>
        <translation>{name}（{staff_no}）自 {start} 起的班次：业务数据、发出的礼品和盘点的库存。</translation>
    </message>
    <message>
        <source>This terminal is not connected to a server, so there are no sync rejections to review.</source>
        <translation>本终端未连接服务器，因此没有需要处理的同步异常。</translation>
    </message>
    <message>
        <source>{open} open, {total} in all. Every sync rejection lands here; record a decision for each.</source>
        <translation>待处理 {open} 条，共 {total} 条。所有同步被拒的操作都在这里，请逐条记录处理决定。</translation>
    </message>
    <message>
        <source>Choose an exception first.</source>
        <translation>请先选择一条异常。</translation>
    </message>
    <message>
        <source>Choose a staff member first.</source>
        <translation>请先选择一名员工。</translation>
    </message>
    <message>
        <source>{staff_no} is unlocked and can log in again.</source>
        <translation>{staff_no} 已解锁，可以重新登录。</translation>
    </message>
    <message>
        <source>No receipt of this desk has the reference {ref}.</source>
        <translation>本服务台没有单号为 {ref} 的凭条。</translation>
    </message>
    <message>
        <source>“{part}” is not a gift code with a number, e.g. K001=12.</source>
        <translation>“{part}”不是“礼品编码=数量”的写法，例如 K001=12。</translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Free parking</source>
        <translation>免费停车</translation>
    </message>
    <message>
        <source>Member-day gift</source>
        <translation>会员日礼</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Purchase points</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Receipt credit</source>
        <translation>小票积分</translation>
    </message>
    <message>
        <source>Redeem gift</source>
        <translation>积分兑礼</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Verify coupon</source>
        <translation>核销优惠券</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>积分捐赠</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>Reverse selected</source>
        <translation>冲正所选交易</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>重印凭条</translation>
    </message>
    <message>
        <source>Show full phone</source>
        <translation>显示完整手机号</translation>
    </message>
    <message>
        <source>Annual statement</source>
        <translation>年度会员报告</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>History</source>
        <translation>交易记录</translation>
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
        <translation>{points} 积分将于 {date} 后过期</translation>
    </message>
    <message>
        <source>No points due to expire</source>
        <translation>暂无即将过期的积分</translation>
    </message>
    <message>
        <source>¥{amount} more spending to {tier} (12-month spend ¥{spend})</source>
        <translation>再消费 ¥{amount} 可升级为{tier}（近 12 个月消费 ¥{spend}）</translation>
    </message>
    <message>
        <source>Top tier (12-month spend ¥{spend})</source>
        <translation>已是最高等级（近 12 个月消费 ¥{spend}）</translation>
    </message>
    <message>
        <source>{stage} · {segment}: {action}</source>
        <translation>{stage} · {segment}：{action}</translation>
    </message>
    <message>
        <source>Benefits available now: {list}</source>
        <translation>当前可领权益：{list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Coupons held: {list}</source>
        <translation>持有优惠券：{list}</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Enrollment</source>
        <translation>会员注册</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>资料修改</translation>
    </message>
    <message>
        <source>Points for purchase</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Receipt credit</source>
        <translation>小票积分</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>积分兑礼</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Coupon verified</source>
        <translation>优惠券核销</translation>
    </message>
    <message>
        <source>Benefit claimed</source>
        <translation>权益领取</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Points adjustment</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>Member event attended</source>
        <translation>参加会员活动</translation>
    </message>
    <message>
        <source>Annual tier review</source>
        <translation>年度等级评定</translation>
    </message>
    <message>
        <source>Points donation</source>
        <translation>积分捐赠</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Cosmetics</source>
        <translation>美妆</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>服饰</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>珠宝</translation>
    </message>
    <message>
        <source>Sports</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>数码电器</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>娱乐</translation>
    </message>
    <message>
        <source>Kids</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Parking voucher</source>
        <translation>停车券</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票券</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Mondays</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{percent}% off</source>
        <translation>{zhe}折</translation>
    </message>
    <message>
        <source>{days} days from issue</source>
        <translation>领取后 {days} 天内有效</translation>
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
        <translation>会员权益手册</translation>
    </message>
    <message>
        <source>Rules version {version}. Every figure below is the programme in force when this page was printed.</source>
        <translation>规则版本 {version}。以下各项均为本页打印时有效的会员规则。</translation>
    </message>
    <message>
        <source>Qualifying spend, last {days} days</source>
        <translation>近 {days} 天累计消费</translation>
    </message>
    <message>
        <source>Points per yuan</source>
        <translation>每元积分</translation>
    </message>
    <message>
        <source>Tier discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Free parking per visit</source>
        <translation>每次免费停车</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>Birthday gift (birthday month)</source>
        <translation>生日礼遇（生日当月）</translation>
    </message>
    <message>
        <source>Lounge</source>
        <translation>贵宾室</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>You move up at once when your qualifying spend over the last {days} days reaches a tier&apos;s threshold.</source>
        <translation>近 {days} 天累计消费达到某一等级门槛时，立即升级。</translation>
    </message>
    <message>
        <source>Or earn {points} points from purchases in a calendar year to reach {tier}.</source>
        <translation>或在一个自然年内消费积分达到 {points} 分，升为{tier}。</translation>
    </message>
    <message>
        <source>Or attend {events} member events in a calendar year to move up one tier.</source>
        <translation>或在一个自然年内参加 {events} 次会员活动，升一级。</translation>
    </message>
    <message>
        <source>Tiers are reviewed once a year on the 1st of month {month}; a tier your spend no longer supports moves down at most {steps} step(s).</source>
        <translation>每年 {month} 月 1 日进行年度评定；消费不再满足当前等级的，每次最多降 {steps} 级。</translation>
    </message>
    <message>
        <source>Moving up and down</source>
        <translation>升级与降级</translation>
    </message>
    <message>
        <source>Points = amount paid in yuan × your tier&apos;s points per yuan × any campaign multiplier, rounded down.</source>
        <translation>积分 = 实付金额（元）× 等级每元积分 × 活动倍数，向下取整。</translation>
    </message>
    <message>
        <source>Welcome points on joining: {points}.</source>
        <translation>入会即送 {points} 积分。</translation>
    </message>
    <message>
        <source>Bring a friend: you receive {referrer} points and your friend {referee} points when they join.</source>
        <translation>老带新：好友入会后，您获得 {referrer} 积分，好友获得 {referee} 积分。</translation>
    </message>
    <message>
        <source>Double-points days ({dates}): points ×{mult}.</source>
        <translation>双倍积分日（{dates}）：积分 ×{mult}。</translation>
    </message>
    <message>
        <source>Every {days}: points ×{mult}.</source>
        <translation>每{days}：积分 ×{mult}。</translation>
    </message>
    <message>
        <source>Category bonus: {list}.</source>
        <translation>品类加倍：{list}。</translation>
    </message>
    <message>
        <source>Member day, the {day}th of every month: points ×{mult}; gift: {gift}.</source>
        <translation>会员日（每月 {day} 日）：积分 ×{mult}；礼品：{gift}。</translation>
    </message>
    <message>
        <source>Campaign multipliers combine, up to ×{max} in total.</source>
        <translation>多项活动倍数可叠加，合计最高 ×{max}。</translation>
    </message>
    <message>
        <source>Earning points</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <source>Receipts, expiry and using points</source>
        <translation>小票积分、积分有效期与积分使用</translation>
    </message>
    <message>
        <source>Receipt credit: bring a receipt from any store in the mall to a service desk within {days} days of purchase. Each receipt earns points once. Up to {count} receipts a day; receipts above {amount} need a manager&apos;s approval.</source>
        <translation>小票积分：凭本商场任一商户的购物小票，于消费后 {days} 天内到服务台积分。每张小票只能积分一次。每人每天最多 {count} 张；单张超过 {amount} 须主管审批。</translation>
    </message>
    <message>
        <source>Expiry: points earned in a year stay valid until 31 December, {years} year(s) later. The oldest points are always used first.</source>
        <translation>有效期：当年获得的积分有效期至 {years} 年后的 12 月 31 日。使用时优先扣减最早获得的积分。</translation>
    </message>
    <message>
        <source>Points as cash: {points} points = ¥1 at checkout, for up to {percent}% of a purchase.</source>
        <translation>积分抵现：收银台 {points} 积分抵 ¥1，最多抵扣单笔消费的 {percent}%。</translation>
    </message>
    <message>
        <source>When the system is offline, a member can redeem at most {points} points a day.</source>
        <translation>系统离线期间，每位会员每天最多兑换 {points} 积分。</translation>
    </message>
    <message>
        <source>Gift catalogue</source>
        <translation>积分兑礼目录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>While stocks last at each desk.</source>
        <translation>各服务台数量有限，兑完即止。</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>使用条款</translation>
    </message>
    <message>
        <source>Rules {version}</source>
        <translation>规则版本 {version}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>REPRINT / 重印</source>
        <translation>重印 / REPRINT</translation>
    </message>
    <message>
        <source>Reprinted {at}</source>
        <translation>重印时间 {at}</translation>
    </message>
    <message>
        <source>Offline: provisional until this terminal syncs</source>
        <translation>离线办理：待本机联网同步后确认</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>业务编号</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Not linked to a member</source>
        <translation>未关联会员</translation>
    </message>
    <message>
        <source>Value to the member</source>
        <translation>本次优惠</translation>
    </message>
    <message>
        <source>Points before</source>
        <translation>原有积分</translation>
    </message>
    <message>
        <source>This transaction</source>
        <translation>本次变动</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>当前积分</translation>
    </message>
    <message>
        <source>{points} points expire on {date}</source>
        <translation>{points} 积分将于 {date} 到期</translation>
    </message>
    <message>
        <source>Spend {amount} more to reach {tier}</source>
        <translation>再消费 {amount} 即可升级为{tier}</translation>
    </message>
    <message>
        <source>Highest tier: thank you for your loyalty</source>
        <translation>您已是最高等级会员，感谢您的支持</translation>
    </message>
    <message>
        <source>I confirm I received the above.</source>
        <translation>本人确认已收到以上礼品／权益。</translation>
    </message>
    <message>
        <source>Member signature</source>
        <translation>会员签名</translation>
    </message>
    <message>
        <source>Keep this receipt. Scan the code to reprint or check it.</source>
        <translation>请妥善保管本凭条，扫码可查询或重印。</translation>
    </message>
    <message>
        <source>Printer test</source>
        <translation>打印机测试</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>If this line shows Chinese correctly, the encoding is right:</source>
        <translation>下一行中文显示正常，即表示编码设置正确：</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Paper slip</source>
        <translation>纸质单</translation>
    </message>
    <message>
        <source>Purchases at checkout</source>
        <translation>收银台消费</translation>
    </message>
    <message>
        <source>Receipts credited</source>
        <translation>小票积分</translation>
    </message>
    <message>
        <source>Welcome points</source>
        <translation>入会积分</translation>
    </message>
    <message>
        <source>Referral points</source>
        <translation>推荐积分</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>Member events</source>
        <translation>会员活动</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Points donation</source>
        <translation>积分捐赠</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Free parking</source>
        <translation>免费停车</translation>
    </message>
    <message>
        <source>Member-day gift</source>
        <translation>会员日礼品</translation>
    </message>
    <message>
        <source>Enrollment slip</source>
        <translation>入会单</translation>
    </message>
    <message>
        <source>Receipt-credit slip</source>
        <translation>小票积分单</translation>
    </message>
    <message>
        <source>Redemption slip</source>
        <translation>兑换单</translation>
    </message>
    <message>
        <source>Benefit slip</source>
        <translation>权益领取单</translation>
    </message>
    <message>
        <source>Member number or mobile number</source>
        <translation>会员号或手机号</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Birthday (month-day, year optional)</source>
        <translation>生日（月-日，年份可不填）</translation>
    </message>
    <message>
        <source>Gender (optional)</source>
        <translation>性别（可不填）</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Store (tenant) name or code</source>
        <translation>商户名称或编码</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>消费日期</translation>
    </message>
    <message>
        <source>Gift code and name</source>
        <translation>礼品编号及名称</translation>
    </message>
    <message>
        <source>Benefit: birthday / parking / member day</source>
        <translation>权益：生日礼 / 停车 / 会员日</translation>
    </message>
    <message>
        <source>Parking hours</source>
        <translation>停车小时数</translation>
    </message>
    <message>
        <source>Outage kit</source>
        <translation>应急纸质单据</translation>
    </message>
    <message>
        <source>Fill in by hand during an outage; key in at this desk when the system is back.</source>
        <translation>系统停机时手工填写；系统恢复后在本服务台补录。</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <source>Time (HH:MM)</source>
        <translation>时间（时:分）</translation>
    </message>
    <message>
        <source>Staff number and signature</source>
        <translation>员工工号及签名</translation>
    </message>
    <message>
        <source>I accept the member privacy policy (required)</source>
        <translation>本人同意会员隐私政策（必选）</translation>
    </message>
    <message>
        <source>I agree to receive marketing messages (optional)</source>
        <translation>本人同意接收营销信息（可选）</translation>
    </message>
    <message>
        <source>Second person (amounts above the limit)</source>
        <translation>第二确认人（超限金额）</translation>
    </message>
    <message>
        <source>Points for purchase</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Receipt credit</source>
        <translation>小票积分</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>积分兑礼</translation>
    </message>
    <message>
        <source>Coupon verified</source>
        <translation>优惠券核销</translation>
    </message>
    <message>
        <source>Benefit claimed</source>
        <translation>权益领取</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>本期无。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Enrollments by staff and channel</source>
        <translation>新入会（按经办人和渠道）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Points earned by source</source>
        <translation>积分发放（按来源）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Qualifying spend</source>
        <translation>计级消费</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Points redeemed by gift, voucher, cash offset and donation</source>
        <translation>积分使用（按礼品、券、抵现和捐赠）</translation>
    </message>
    <message>
        <source>Cash value</source>
        <translation>抵现金额</translation>
    </message>
    <message>
        <source>Coupons verified</source>
        <translation>优惠券核销</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核销张数</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>面值合计</translation>
    </message>
    <message>
        <source>Benefits claimed</source>
        <translation>权益领取</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>被冲正业务</translation>
    </message>
    <message>
        <source>By / approved</source>
        <translation>经办 / 审批</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Points adjustments</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>Paper slips keyed in</source>
        <translation>纸质单补录</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>手写时间</translation>
    </message>
    <message>
        <source>Keyed in</source>
        <translation>补录时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>补录人</translation>
    </message>
    <message>
        <source>Issued slips not keyed in yet</source>
        <translation>已发出但尚未补录的单据</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Sync exceptions opened and resolved</source>
        <translation>同步异常（新增与处理）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>异常情况</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>{count} still open</source>
        <translation>{count} 项未处理</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
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
        <translation>完整性：终端同步情况</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Operations waiting</source>
        <translation>待上传笔数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No terminals listed.</source>
        <translation>未列出终端。</translation>
    </message>
    <message>
        <source>Stock counted at handover</source>
        <translation>交班盘点</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>系统数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>No stock was counted.</source>
        <translation>本班未盘点。</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <source>Items handed out</source>
        <translation>发出礼品/券</translation>
    </message>
    <message>
        <source>Reversals / adjustments</source>
        <translation>冲正 / 调整</translation>
    </message>
    <message>
        <source>Open exceptions</source>
        <translation>未处理异常</translation>
    </message>
    <message>
        <source>Points redeemed by item</source>
        <translation>积分使用（按项目）</translation>
    </message>
    <message>
        <source>Operations per hour</source>
        <translation>每小时业务笔数</translation>
    </message>
    <message>
        <source>INCOMPLETE: {count} of {total} terminals had not synced all of this period&apos;s operations ({names}). Their operations are missing from these figures; print the report again after they sync.</source>
        <translation>数据不完整：{total} 台终端中有 {count} 台尚未同步本期全部业务（{names}）。以下数字缺少这些终端的业务，请在其同步后重新打印本报表。</translation>
    </message>
    <message>
        <source>Complete: every terminal had synced all of this period&apos;s operations.</source>
        <translation>数据完整：所有终端均已同步本期全部业务。</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Business day {day} · {mall} · printed {at} by {who}</source>
        <translation>营业日 {day} · {mall} · {who} 于 {at} 打印</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>制表人</translation>
    </message>
    <message>
        <source>Desk supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <source>Store manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation>数据不完整</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交班表</translation>
    </message>
    <message>
        <source>{desk} · {start} to {end} · business day {day} · printed {at}</source>
        <translation>{desk} · {start} 至 {end} · 营业日 {day} · 打印于 {at}</translation>
    </message>
    <message>
        <source>Stock count differs from the system for {count} items; explain each difference before signing.</source>
        <translation>有 {count} 项库存盘点数与系统数不符，请在签字前逐项说明差异原因。</translation>
    </message>
    <message>
        <source>Gifts handed out</source>
        <translation>发出礼品</translation>
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
        <translation>商场</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>COMPLETE</source>
        <translation>数据完整</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Could not save the PDF to {path}: {problem}. Choose another folder and try again.</source>
        <translation>无法将 PDF 保存到 {path}：{problem}。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>Printing is not set up on this terminal (the print service is not installed). Save the document as PDF instead, and ask IT to install the printer.</source>
        <translation>本机尚未配置打印（未安装打印服务）。请先另存为 PDF，并联系 IT 安装打印机。</translation>
    </message>
    <message>
        <source>The print service did not answer within {seconds} seconds. Check the printer, then reprint.</source>
        <translation>打印服务 {seconds} 秒内无响应。请检查打印机后重印。</translation>
    </message>
    <message>
        <source>The print service on this terminal is not running. Restart the terminal or ask IT, then reprint.</source>
        <translation>本机打印服务未运行。请重启终端或联系 IT，然后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is out of paper. Load a new roll, then reprint.</source>
        <translation>打印机“{printer}”缺纸。请装入新纸卷后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” has a paper jam. Clear it, then reprint.</source>
        <translation>打印机“{printer}”卡纸。请清除卡纸后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” has its cover open. Close it, then reprint.</source>
        <translation>打印机“{printer}”机盖未关。请关好后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is offline. Check its power and cable, then reprint.</source>
        <translation>打印机“{printer}”离线。请检查电源和连接线后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is stopped ({detail}). Check the printer, ask a manager to resume it, then reprint.</source>
        <translation>打印机“{printer}”已暂停（{detail}）。请检查打印机，请主管恢复后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is not set up on this terminal. Choose another printer in Settings, or save as PDF.</source>
        <translation>本机未配置打印机“{printer}”。请在设置中选择其他打印机，或另存为 PDF。</translation>
    </message>
    <message>
        <source>Printer “{printer}” is not accepting jobs. Ask a manager to enable it, then reprint.</source>
        <translation>打印机“{printer}”不接受打印任务。请主管启用后重印。</translation>
    </message>
    <message>
        <source>No printer is chosen and this terminal has no default printer. Choose a printer in Settings, or save as PDF.</source>
        <translation>未选择打印机，本机也没有默认打印机。请在设置中选择打印机，或另存为 PDF。</translation>
    </message>
    <message>
        <source>Printer “{printer}” refused the job: {detail}. Check the printer, then reprint.</source>
        <translation>打印机“{printer}”拒绝了打印任务：{detail}。请检查打印机后重印。</translation>
    </message>
    <message>
        <source>Printer “{printer}” has not finished the job after {seconds} seconds. Check the printer; reprint if nothing came out.</source>
        <translation>打印机“{printer}”{seconds} 秒后仍未完成打印。请检查打印机；如未出纸请重印。</translation>
    </message>
    <message>
        <source>This computer has no program that prints PDF files ({detail}). Ask IT to install a PDF reader, or save as PDF.</source>
        <translation>本机没有可打印 PDF 的程序（{detail}）。请联系 IT 安装 PDF 阅读器，或另存为 PDF。</translation>
    </message>
    <message>
        <source>Lounge visits</source>
        <translation>贵宾室</translation>
    </message>
    <message>
        <source>Member events attended</source>
        <translation>参加会员活动</translation>
    </message>
    <message>
        <source>Member annual statement {year}</source>
        <translation>{year} 年度会员价值报告</translation>
    </message>
    <message>
        <source>{mall} · prepared {date}</source>
        <translation>{mall} · {date} 出具</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Points you earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <source>Points you used</source>
        <translation>已用积分</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>为您节省</translation>
    </message>
    <message>
        <source>Points per month</source>
        <translation>每月积分</translation>
    </message>
    <message>
        <source>{month}M</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Balance on 1 January</source>
        <translation>1 月 1 日余额</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>到期失效</translation>
    </message>
    <message>
        <source>Adjustments and reversals</source>
        <translation>调整与冲正</translation>
    </message>
    <message>
        <source>Balance at year end</source>
        <translation>年末余额</translation>
    </message>
    <message>
        <source>What membership saved you</source>
        <translation>会员为您节省</translation>
    </message>
    <message>
        <source>Tier discounts</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Points used as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Coupons used</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Total saved</source>
        <translation>合计节省</translation>
    </message>
    <message>
        <source>None this year.</source>
        <translation>本年度无。</translation>
    </message>
    <message>
        <source>Benefits used</source>
        <translation>已享权益</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Gifts redeemed</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <source>{count} purchases earned points this year.</source>
        <translation>本年度共有 {count} 笔消费获得积分。</translation>
    </message>
    <message>
        <source>{points} points expire on {date}: use them before then.</source>
        <translation>{points} 积分将于 {date} 到期，请及时使用。</translation>
    </message>
    <message>
        <source>Thank you for being our member.</source>
        <translation>感谢您一年来的支持！</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to our membership!</source>
        <translation>欢迎加入会员！</translation>
    </message>
    <message>
        <source>Member no. {member_no}</source>
        <translation>会员号 {member_no}</translation>
    </message>
    <message>
        <source>Show this code at any desk or checkout to earn and use points.</source>
        <translation>在服务台或收银台出示此码即可积分和使用积分。</translation>
    </message>
    <message>
        <source>Code valid until {date}</source>
        <translation>此码有效期至 {date}</translation>
    </message>
    <message>
        <source>Welcome gift: {gift}</source>
        <translation>入会礼：{gift}</translation>
    </message>
    <message>
        <source>Keep this slip safe: the code identifies you as a member.</source>
        <translation>请妥善保管：此码代表您的会员身份。</translation>
    </message>
    <message>
        <source>“{address}” is not a printer network address. Write it as 192.168.1.50 or 192.168.1.50:9100.</source>
        <translation>“{address}”不是打印机的网络地址。请写成 192.168.1.50 或 192.168.1.50:9100。</translation>
    </message>
    <message>
        <source>Unknown printer model “{profile}”. Choose one of: {choices}.</source>
        <translation>未知的打印机型号“{profile}”。请从以下型号中选择：{choices}。</translation>
    </message>
    <message>
        <source>Unknown printer connection “{transport}”. Choose usb, tcp or cups.</source>
        <translation>未知的打印机连接方式“{transport}”。请选择 usb、tcp 或 cups。</translation>
    </message>
    <message>
        <source>The printer address is empty. Give the device (/dev/usb/lp0), the network address (192.168.1.50:9100) or the print queue&apos;s name.</source>
        <translation>打印机地址为空。请填写设备（/dev/usb/lp0）、网络地址（192.168.1.50:9100）或打印队列名称。</translation>
    </message>
    <message>
        <source>Receipt paper must be 80 or 58 mm wide.</source>
        <translation>小票纸宽度必须为 80 或 58 毫米。</translation>
    </message>
    <message>
        <source>The {model} takes {widths} mm paper, not {width} mm.</source>
        <translation>{model} 使用 {widths} 毫米纸卷，不能用 {width} 毫米。</translation>
    </message>
    <message>
        <source>Unknown printer encoding “{encoding}”. Choose GB18030, GBK or UTF-8.</source>
        <translation>未知的打印机编码“{encoding}”。请选择 GB18030、GBK 或 UTF-8。</translation>
    </message>
    <message>
        <source>Printer “{printer}” does not answer. Check that it is switched on and its network cable is plugged in, then reprint.</source>
        <translation>打印机“{printer}”没有响应。请确认已开机、网线已插好，然后重印。</translation>
    </message>
    <message>
        <source>This terminal may not use the printer at {device}. Ask IT to add the desk&apos;s user to the “lp” group, then reprint.</source>
        <translation>本机无权使用 {device} 上的打印机。请联系 IT 将本机用户加入“lp”组，然后重印。</translation>
    </message>
    <message>
        <source>No printer is connected at {device}. Check the USB cable and that the printer is on, then reprint.</source>
        <translation>{device} 上没有连接打印机。请检查 USB 线并确认打印机已开机，然后重印。</translation>
    </message>
    <message>
        <source>The connection to printer “{printer}” was lost while printing. Check the printer and its cable, then reprint.</source>
        <translation>打印过程中与打印机“{printer}”的连接中断。请检查打印机及连接线，然后重印。</translation>
    </message>
    <message>
        <source>I confirm this donation of my points.</source>
        <translation>本人确认捐赠以上积分。</translation>
    </message>
</context>
<context>
    <name>PrinterService</name>
    <message>
        <source>No printer is chosen for this desk yet: open Settings, choose it and make a test print.</source>
        <translation>本服务台尚未选择打印机：请打开“设置”选择打印机并打印测试页。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Printer test</source>
        <translation>打印机测试</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Upgraded to {tier}!</source>
        <translation>已升级为{tier}！</translation>
    </message>
    <message>
        <source>Campaign multiplier ×{mult} applied</source>
        <translation>已享活动倍数 ×{mult}</translation>
    </message>
    <message>
        <source>Welcome points: {points}</source>
        <translation>入会礼积分：{points}</translation>
    </message>
    <message>
        <source>Referral points: {points} (referrer {referrer} receives {referrer_points})</source>
        <translation>推荐积分：{points}（推荐人 {referrer} 获得 {referrer_points}）</translation>
    </message>
    <message>
        <source>Changed: {field}</source>
        <translation>已修改：{field}</translation>
    </message>
    <message>
        <source>Tier discount {percent}% off: −¥{discount}, to pay ¥{paid}</source>
        <translation>会员折扣 {percent}%：−¥{discount}，实付 ¥{paid}</translation>
    </message>
    <message>
        <source>Purchase ¥{amount}: {points} points</source>
        <translation>消费 ¥{amount}：{points} 积分</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points</source>
        <translation>{tenant} 小票 {receipt_no}，{date} 消费 ¥{amount}：{points} 积分</translation>
    </message>
    <message>
        <source>Approved by manager {staff}</source>
        <translation>经理 {staff} 已批准</translation>
    </message>
    <message>
        <source>{quantity} × {item}: −{points} points</source>
        <translation>{item} × {quantity}：−{points} 积分</translation>
    </message>
    <message>
        <source>Coupon {code}, valid {first} to {last}</source>
        <translation>优惠券 {code}，有效期 {first} 至 {last}</translation>
    </message>
    <message>
        <source>{points} points paid ¥{value} of a ¥{amount} purchase</source>
        <translation>{points} 积分抵扣 ¥{value}（消费 ¥{amount}）</translation>
    </message>
    <message>
        <source>Donated {points} points to {campaign}</source>
        <translation>已向“{campaign}”捐赠 {points} 积分</translation>
    </message>
    <message>
        <source>Thank you! Donated points are passed on to the campaign and not refunded.</source>
        <translation>感谢您的爱心！捐赠的积分将转交公益项目，不予退还。</translation>
    </message>
    <message>
        <source>Coupon {code}: {name}, value ¥{value}</source>
        <translation>优惠券 {code}：{name}，面值 ¥{value}</translation>
    </message>
    <message>
        <source>Birthday gift: {gift}</source>
        <translation>生日礼：{gift}</translation>
    </message>
    <message>
        <source>Lounge access today</source>
        <translation>今日可使用贵宾室</translation>
    </message>
    <message>
        <source>Double points on the birthday</source>
        <translation>生日当天双倍积分</translation>
    </message>
    <message>
        <source>Free parking: {hours} h</source>
        <translation>免费停车：{hours} 小时</translation>
    </message>
    <message>
        <source>Member-day gift: {gift}</source>
        <translation>会员日礼：{gift}</translation>
    </message>
    <message>
        <source>Adjustment {points:+d} points: {reason}</source>
        <translation>积分调整 {points:+d}：{reason}</translation>
    </message>
    <message>
        <source>Reversal of {kind} {ref}: {reason}</source>
        <translation>冲正 {kind} {ref}：{reason}</translation>
    </message>
    <message>
        <source>Event attended: {event}</source>
        <translation>参加活动：{event}</translation>
    </message>
    <message>
        <source>Tier after annual review: {tier}</source>
        <translation>年度评定后等级：{tier}</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Credit a store receipt</source>
        <translation>小票积分</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>消费日期</translation>
    </message>
    <message>
        <source>Manager (if needed)</source>
        <translation>经理工号（如需）</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <source>Search by name, code or floor…</source>
        <translation>按名称、编码或楼层搜索…</translation>
    </message>
    <message>
        <source>Credit receipt</source>
        <translation>确认积分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the store the receipt is from.</source>
        <translation>请选择小票所属商户。</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Member {member_no} is not active (merged or closed); look up the current record.</source>
        <translation>会员 {member_no} 已失效（已合并或注销），请查找当前记录。</translation>
    </message>
    <message>
        <source>Not enough points: this needs {need}, the member has {have}.</source>
        <translation>积分不足：需要 {need}，会员现有 {have}。</translation>
    </message>
    <message>
        <source>Referrer {member_no} was not found; check the number or leave it empty.</source>
        <translation>未找到推荐人 {member_no}，请核对号码或留空。</translation>
    </message>
    <message>
        <source>“{category}” is not a purchase category; choose one of: {choices}.</source>
        <translation>“{category}”不是消费品类；请从以下品类中选择：{choices}。</translation>
    </message>
    <message>
        <source>Store code {code} is not a tenant of this mall.</source>
        <translation>商户编码 {code} 不是本商场的商户。</translation>
    </message>
    <message>
        <source>This receipt was already credited on {when} at {desk} (member {member}).</source>
        <translation>该小票已于 {when} 在“{desk}”积分（会员 {member}）。</translation>
    </message>
    <message>
        <source>The purchase date {date} is in the future.</source>
        <translation>消费日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>Receipts older than {max} days cannot be credited (this one is {age} days old).</source>
        <translation>超过 {max} 天的小票不能积分（此小票已 {age} 天）。</translation>
    </message>
    <message>
        <source>This member already credited {count} receipts today; a manager must approve more.</source>
        <translation>该会员今天已积分 {count} 张小票，继续积分需经理批准。</translation>
    </message>
    <message>
        <source>Receipts above ¥{limit} need a manager&apos;s approval.</source>
        <translation>超过 ¥{limit} 的小票需经理批准。</translation>
    </message>
    <message>
        <source>Offline, a member can redeem at most {cap} points a day ({used} used today). Try again when the terminal is online.</source>
        <translation>离线时每位会员每天最多兑换 {cap} 积分（今天已用 {used}）。请在终端联网后再试。</translation>
    </message>
    <message>
        <source>Gift {code} is not in the catalogue.</source>
        <translation>礼品 {code} 不在礼品目录中。</translation>
    </message>
    <message>
        <source>Only {left} of “{item}” left at this desk.</source>
        <translation>本服务台“{item}”仅剩 {left} 件。</translation>
    </message>
    <message>
        <source>Coupons are redeemed one at a time.</source>
        <translation>优惠券每次只能兑换一张。</translation>
    </message>
    <message>
        <source>Points as cash go in steps of {step} points.</source>
        <translation>积分抵现须以 {step} 积分为单位。</translation>
    </message>
    <message>
        <source>Points can pay at most {percent}% of this purchase (¥{limit}).</source>
        <translation>积分最多抵扣本次消费的 {percent}%（¥{limit}）。</translation>
    </message>
    <message>
        <source>There is no donation campaign {code}; the campaigns are: {choices}.</source>
        <translation>没有捐赠项目 {code}；现有项目：{choices}。</translation>
    </message>
    <message>
        <source>A donation to {campaign} is from {low} to {high} points.</source>
        <translation>向“{campaign}”捐赠的积分须在 {low} 至 {high} 之间。</translation>
    </message>
    <message>
        <source>Coupon {code} is not known here; it may be forged, or the terminal needs a sync.</source>
        <translation>本终端查不到优惠券 {code}：可能是伪造的，或终端需要同步。</translation>
    </message>
    <message>
        <source>Coupon {code} was already used on {when} at {where}.</source>
        <translation>优惠券 {code} 已于 {when} 在“{where}”使用。</translation>
    </message>
    <message>
        <source>Coupon {code} has been cancelled.</source>
        <translation>优惠券 {code} 已作废。</translation>
    </message>
    <message>
        <source>Coupon {code} is valid from {date}.</source>
        <translation>优惠券 {code} 自 {date} 起有效。</translation>
    </message>
    <message>
        <source>Coupon {code} expired on {date}.</source>
        <translation>优惠券 {code} 已于 {date} 过期。</translation>
    </message>
    <message>
        <source>Coupon {code} belongs to another member.</source>
        <translation>优惠券 {code} 属于其他会员。</translation>
    </message>
    <message>
        <source>Coupon {code} needs a purchase of at least ¥{min}.</source>
        <translation>优惠券 {code} 需消费满 ¥{min} 才能使用。</translation>
    </message>
    <message>
        <source>The birthday gift for {period} was already claimed.</source>
        <translation>{period} 年的生日礼已领取。</translation>
    </message>
    <message>
        <source>Free parking was already claimed today ({period}).</source>
        <translation>今天（{period}）已领取免费停车。</translation>
    </message>
    <message>
        <source>The member-day gift was already claimed today ({period}).</source>
        <translation>今天（{period}）已领取会员日礼品。</translation>
    </message>
    <message>
        <source>The birthday gift can be claimed in the birthday month only.</source>
        <translation>生日礼仅限生日当月领取。</translation>
    </message>
    <message>
        <source>Today is not member day (the {day}th of each month).</source>
        <translation>今天不是会员日（每月 {day} 日）。</translation>
    </message>
    <message>
        <source>This tier has no free parking.</source>
        <translation>该等级没有免费停车权益。</translation>
    </message>
    <message>
        <source>No coupon number was allocated; try again.</source>
        <translation>未能分配优惠券号码，请重试。</translation>
    </message>
    <message>
        <source>This kind of transaction cannot be reversed.</source>
        <translation>此类交易不能冲正。</translation>
    </message>
    <message>
        <source>This transaction was already reversed.</source>
        <translation>此交易已冲正。</translation>
    </message>
    <message>
        <source>Coupon {code} issued with this transaction was already used.</source>
        <translation>此交易发放的优惠券 {code} 已被使用。</translation>
    </message>
    <message>
        <source>The member has only {have} of the {need} points to take back; a manager can adjust instead.</source>
        <translation>会员仅有 {have} 积分，不足以扣回 {need} 积分；可由经理进行积分调整。</translation>
    </message>
    <message>
        <source>Attendance at {event} is already recorded.</source>
        <translation>已记录参加活动 {event}。</translation>
    </message>
    <message>
        <source>The annual review runs on the first day of month {month}.</source>
        <translation>年度评定在每年 {month} 月 1 日进行。</translation>
    </message>
    <message>
        <source>The {year} review was already done for this member.</source>
        <translation>该会员 {year} 年度评定已完成。</translation>
    </message>
    <message>
        <source>This mobile number already belongs to member {member_no}; opening that member.</source>
        <translation>该手机号已属于会员 {member_no}，正在打开该会员。</translation>
    </message>
    <message>
        <source>That transaction was not found on this terminal.</source>
        <translation>本终端未找到该交易。</translation>
    </message>
    <message>
        <source>Slip {serial} was never issued by this desk; check the serial on the slip.</source>
        <translation>本服务台从未发出单据 {serial}，请核对单据编号。</translation>
    </message>
    <message>
        <source>Slip {serial} was already keyed in on {when} by {staff}; it is not entered twice.</source>
        <translation>单据 {serial} 已于 {when} 由 {staff} 补录，不能重复录入。</translation>
    </message>
    <message>
        <source>No member has the phone number {phone}; check the slip.</source>
        <translation>没有会员使用手机号 {phone}，请核对单据。</translation>
    </message>
    <message>
        <source>Member {member_no} was not found on this terminal.</source>
        <translation>本终端未找到会员 {member_no}。</translation>
    </message>
    <message>
        <source>There is no staff member {staff_no}.</source>
        <translation>没有工号为 {staff_no} 的员工。</translation>
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
        <translation>打印凭条</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Back to member</source>
        <translation>返回会员</translation>
    </message>
    <message>
        <source>Print welcome slip</source>
        <translation>打印入会欢迎单</translation>
    </message>
    <message>
        <source>{before} → {after} points</source>
        <translation>积分 {before} → {after}</translation>
    </message>
    <message>
        <source>Saved on this terminal; it will be sent to the server when online.</source>
        <translation>已保存在本终端，联网后将发送到服务器。</translation>
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
        <translation>交易冲正</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>确认冲正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{time} · {kind} · {points} points</source>
        <translation>{time} · {kind} · {points} 积分</translation>
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
        <translation>必须是一个表</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少此项</translation>
    </message>
    <message>
        <source>must be a whole number from {lo} to {hi}, got {value}</source>
        <translation>必须是 {lo} 至 {hi} 的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>必须是 true 或 false，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a non-empty string, got {value}</source>
        <translation>必须是非空字符串，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a decimal written as a string such as &quot;1.5&quot;, got {value}</source>
        <translation>必须是写成字符串的小数，例如 &quot;1.5&quot;，实际为 {value}</translation>
    </message>
    <message>
        <source>must be between {lo} and {hi}, got {value}</source>
        <translation>必须在 {lo} 与 {hi} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a table with {languages}</source>
        <translation>必须是包含 {languages} 的表</translation>
    </message>
    <message>
        <source>missing or empty</source>
        <translation>缺少或为空</translation>
    </message>
    <message>
        <source>not valid TOML ({error})</source>
        <translation>不是有效的 TOML（{error}）</translation>
    </message>
    <message>
        <source>unknown time zone {value}</source>
        <translation>未知时区 {value}</translation>
    </message>
    <message>
        <source>must list at least one tier</source>
        <translation>必须至少列出一个等级</translation>
    </message>
    <message>
        <source>use letters, digits and underscores, got {value}</source>
        <translation>只能使用字母、数字和下划线，实际为 {value}</translation>
    </message>
    <message>
        <source>must be higher than the tier before it</source>
        <translation>必须高于前一个等级</translation>
    </message>
    <message>
        <source>{value} appears twice</source>
        <translation>{value} 出现了两次</translation>
    </message>
    <message>
        <source>the first tier must start at 0</source>
        <translation>第一个等级必须从 0 开始</translation>
    </message>
    <message>
        <source>unknown tier {value}</source>
        <translation>未知等级 {value}</translation>
    </message>
    <message>
        <source>must list dates like 2026-12-12</source>
        <translation>必须列出形如 2026-12-12 的日期</translation>
    </message>
    <message>
        <source>not a date like 2026-12-12: {value}</source>
        <translation>不是形如 2026-12-12 的日期：{value}</translation>
    </message>
    <message>
        <source>must list weekdays 1 (Monday) to 7 (Sunday)</source>
        <translation>必须列出星期 1（星期一）至 7（星期日）</translation>
    </message>
    <message>
        <source>must be more than lifecycle.active_days</source>
        <translation>必须大于 lifecycle.active_days</translation>
    </message>
    <message>
        <source>must be a list of campaigns ([[donation]] tables)</source>
        <translation>必须是活动列表（[[donation]] 表）</translation>
    </message>
    <message>
        <source>use up to 20 letters, digits and -, got {value}</source>
        <translation>最多 20 个字母、数字或 -，实际为 {value}</translation>
    </message>
    <message>
        <source>write it in capitals, got {value}</source>
        <translation>请用大写字母，实际为 {value}</translation>
    </message>
    <message>
        <source>must be at least min_points ({low}), got {value}</source>
        <translation>必须不小于 min_points（{low}），实际为 {value}</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Confirm with your PIN</source>
        <translation>用 PIN 确认</translation>
    </message>
    <message>
        <source>Enter your PIN again to confirm this.</source>
        <translation>请再次输入您的 PIN 以确认此操作。</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>New</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
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
        <translation>重要价值会员</translation>
    </message>
    <message>
        <source>Thank them: invite to VIP events, offer early access.</source>
        <translation>表示感谢：邀请参加贵宾活动，提供优先购权益。</translation>
    </message>
    <message>
        <source>High-value, developing</source>
        <translation>重要发展会员</translation>
    </message>
    <message>
        <source>Encourage return visits: suggest a member-day offer.</source>
        <translation>鼓励回访：推荐会员日优惠。</translation>
    </message>
    <message>
        <source>High-value, slipping away</source>
        <translation>重要保持会员</translation>
    </message>
    <message>
        <source>Keep them: mention points expiring and tier benefits.</source>
        <translation>维系关系：提醒即将过期的积分和等级权益。</translation>
    </message>
    <message>
        <source>High-value, dormant — worth waking</source>
        <translation>重要挽留会员（值得唤醒）</translation>
    </message>
    <message>
        <source>Win back: offer a personal coupon or a birthday reminder.</source>
        <translation>挽回：提供专属优惠券或生日提醒。</translation>
    </message>
    <message>
        <source>Regular, loyal</source>
        <translation>一般价值会员</translation>
    </message>
    <message>
        <source>Upsell: point out how close the next tier is.</source>
        <translation>促升级：告知距离下一等级还差多少。</translation>
    </message>
    <message>
        <source>New or occasional</source>
        <translation>一般发展会员</translation>
    </message>
    <message>
        <source>Welcome them: explain receipt crediting and gifts.</source>
        <translation>欢迎引导：介绍小票积分和积分兑礼。</translation>
    </message>
    <message>
        <source>Regular, drifting</source>
        <translation>一般保持会员</translation>
    </message>
    <message>
        <source>Remind them of unused benefits and parking.</source>
        <translation>提醒尚未使用的权益和停车优惠。</translation>
    </message>
    <message>
        <source>Low-value, dormant</source>
        <translation>一般挽留会员</translation>
    </message>
    <message>
        <source>Low priority: include in mass campaigns only.</source>
        <translation>低优先级：仅纳入大众营销活动。</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Operation {op_id} arrived damaged (its checksum does not match).</source>
        <translation>操作 {op_id} 传输中已损坏（校验值不符）。</translation>
    </message>
    <message>
        <source>Operation {op_id} was already received with different content; it is not applied again.</source>
        <translation>操作 {op_id} 已以不同内容接收过，不会再次执行。</translation>
    </message>
    <message>
        <source>This terminal&apos;s operation log has forked from the server&apos;s (it was restored from a backup); its new operations must continue in a new epoch.</source>
        <translation>本终端的操作日志与服务器不一致（曾从备份恢复），新操作须在新的纪元中继续。</translation>
    </message>
    <message>
        <source>Operations are missing before {epoch}/{seq}; send from {expected}.</source>
        <translation>{epoch}/{seq} 之前缺少操作，请从 {expected} 开始发送。</translation>
    </message>
    <message>
        <source>The server could not apply this operation ({error}); it is kept for an administrator, who applies it with “memberdesk-server reapply” once the fault is fixed. The desk keeps it as it is.</source>
        <translation>服务器未能处理此操作（{error}）；操作已保留，管理员修复故障后用“memberdesk-server reapply”重新处理。服务台上的结果保持不变。</translation>
    </message>
    <message>
        <source>Refused: {kind} by staff {staff_no}, whose role ({role}) may not do this. Check the desk&apos;s staff list and whether the terminal was tampered with.</source>
        <translation>已拒绝：员工 {staff_no} 的{kind}，其角色（{role}）无权进行此操作。请核查本服务台的员工名单，以及终端是否被篡改。</translation>
    </message>
    <message>
        <source>Refused: {kind} by staff {staff_no}, who was disabled on {since}. Check whether the terminal was tampered with or had not synced since.</source>
        <translation>已拒绝：员工 {staff_no} 的{kind}，该员工已于 {since} 停用。请核查终端是否被篡改，或此后一直未同步。</translation>
    </message>
    <message>
        <source>Booked although not permitted: {kind} by staff {staff_no}, whose role ({role}) may not do this; it was already handed over. Check it and whether the terminal was tampered with.</source>
        <translation>未经授权但已入账：员工 {staff_no} 的{kind}，其角色（{role}）无权进行此操作；因礼品或抵扣已交付，已照常入账。请核查该笔业务，以及终端是否被篡改。</translation>
    </message>
    <message>
        <source>Member number {member_no} is already used by another member; this enrollment was not recorded.</source>
        <translation>会员号 {member_no} 已被其他会员使用，本次入会未记录。</translation>
    </message>
    <message>
        <source>A redemption for member {member_no} was booked although the member had {short} points too few (the gift was already handed over). Decide whether to recover the points.</source>
        <translation>会员 {member_no} 的兑换已入账，但积分不足 {short} 分（礼品已发出）。请决定是否追回积分。</translation>
    </message>
    <message>
        <source>Operations of kind {kind} are not accepted.</source>
        <translation>不接受类型为 {kind} 的操作。</translation>
    </message>
    <message>
        <source>Coupon code {code} is already in use; this coupon was not issued.</source>
        <translation>券码 {code} 已被使用，本券未发放。</translation>
    </message>
    <message>
        <source>Member {alias} has the same mobile number as member {primary}, who enrolled first; it was merged into {primary}. Review the merge.</source>
        <translation>会员 {alias} 与先入会的会员 {primary} 手机号相同，已合并到 {primary}。请复核合并。</translation>
    </message>
    <message>
        <source>Paper slip {serial} was already keyed in.</source>
        <translation>纸质单据 {serial} 已录入过。</translation>
    </message>
    <message>
        <source>The {field} of member {member_no} was changed at two desks at once; the later change was kept. Check which is right.</source>
        <translation>会员 {member_no} 的 {field} 在两个服务台同时被修改，已保留较晚的修改。请核实哪个正确。</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters or digits.</source>
        <translation>员工号为 1 至 16 位字母或数字。</translation>
    </message>
    <message>
        <source>The role must be desk, cashier or manager.</source>
        <translation>角色须为 desk、cashier 或 manager。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 为 4 至 8 位数字。</translation>
    </message>
    <message>
        <source>Staff number {staff_no} is not known.</source>
        <translation>员工号 {staff_no} 不存在。</translation>
    </message>
    <message>
        <source>Terminal {terminal} is not registered.</source>
        <translation>终端 {terminal} 未注册。</translation>
    </message>
    <message>
        <source>Gift {code} is not in the catalogue.</source>
        <translation>礼品 {code} 不在目录中。</translation>
    </message>
    <message>
        <source>A terminal code is from 1 to 899.</source>
        <translation>终端编号为 1 至 899。</translation>
    </message>
    <message>
        <source>Terminal code {code} is already registered.</source>
        <translation>终端编号 {code} 已注册。</translation>
    </message>
    <message>
        <source>This desk is already registered as terminal code {have}; this registration code is for terminal code {wanted}. Issue a code for terminal code {have}, or revoke {terminal} first.</source>
        <translation>此服务台已注册为终端代码 {have}；此注册码用于终端代码 {wanted}。请为终端代码 {have} 签发注册码，或先注销 {terminal}。</translation>
    </message>
    <message>
        <source>This registration code is not valid (mistyped, used or expired); ask for a new one.</source>
        <translation>此注册码无效（输错、已使用或已过期），请申请新的注册码。</translation>
    </message>
    <message>
        <source>This terminal already has operations under terminal code {have}; issue a registration code for that terminal code.</source>
        <translation>本终端已有终端编号 {have} 下的操作，请为该终端编号签发注册码。</translation>
    </message>
    <message>
        <source>No member-QR key ids are left; retire an old key.</source>
        <translation>会员二维码密钥编号已用完，请停用旧密钥。</translation>
    </message>
    <message>
        <source>Line {line}: the phone number repeats.</source>
        <translation>第 {line} 行：手机号重复。</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>Line {line}: points must be a whole number.</source>
        <translation>第 {line} 行：积分须为整数。</translation>
    </message>
    <message>
        <source>{phone} already belongs to a member; nothing was imported.</source>
        <translation>{phone} 已属于某会员，未导入任何数据。</translation>
    </message>
    <message>
        <source>Coupon definition {code} is not known.</source>
        <translation>券类型 {code} 不存在。</translation>
    </message>
    <message>
        <source>Write down the decision that resolves the exception.</source>
        <translation>请写明处理该异常的决定。</translation>
    </message>
    <message>
        <source>Exception {id} does not exist.</source>
        <translation>异常 {id} 不存在。</translation>
    </message>
    <message>
        <source>Exception {id} is already resolved.</source>
        <translation>异常 {id} 已处理。</translation>
    </message>
    <message>
        <source>Operation {op_id} is not quarantined.</source>
        <translation>操作 {op_id} 不在待处理隔离区中。</translation>
    </message>
    <message>
        <source>The server is busy; try again shortly.</source>
        <translation>服务器繁忙，请稍后再试。</translation>
    </message>
    <message>
        <source>This terminal is not registered.</source>
        <translation>本终端未注册。</translation>
    </message>
    <message>
        <source>This terminal&apos;s registration was revoked or is unknown; register it again.</source>
        <translation>本终端的注册已被撤销或无法识别，请重新注册。</translation>
    </message>
    <message>
        <source>Too many requests from this terminal; it will try again shortly.</source>
        <translation>本终端请求过于频繁，稍后将自动重试。</translation>
    </message>
    <message>
        <source>The request is not valid; nothing was changed.</source>
        <translation>请求无效，未做任何更改。</translation>
    </message>
    <message>
        <source>The server is not set up: {problem}</source>
        <translation>服务器尚未设置：{problem}</translation>
    </message>
    <message>
        <source>This terminal is too far behind to catch up change by change; set it up from the server&apos;s snapshot (memberdesk bootstrap).</source>
        <translation>本终端落后太多，无法逐条追上变更；请用服务器快照重新设置（memberdesk bootstrap）。</translation>
    </message>
    <message>
        <source>No snapshot was built yet; run: memberdesk-server snapshot</source>
        <translation>尚未生成快照，请运行：memberdesk-server snapshot</translation>
    </message>
    <message>
        <source>That snapshot is no longer available.</source>
        <translation>该快照已不可用。</translation>
    </message>
    <message>
        <source>Coupon {code} is not known.</source>
        <translation>券 {code} 不存在。</translation>
    </message>
    <message>
        <source>This exception can only be resolved on the server by an administrator.</source>
        <translation>此异常只能由管理员在服务器上处理。</translation>
    </message>
    <message>
        <source>Only an active manager may resolve exceptions.</source>
        <translation>只有在职经理可以处理异常。</translation>
    </message>
    <message>
        <source>The server database is ready.</source>
        <translation>服务器数据库已就绪。</translation>
    </message>
    <message>
        <source>Staff {staff_no} saved.</source>
        <translation>员工 {staff_no} 已保存。</translation>
    </message>
    <message>
        <source>Staff {staff_no} is disabled; every terminal locks them out at its next sync.</source>
        <translation>员工 {staff_no} 已停用；各终端在下次同步时将禁止其登录。</translation>
    </message>
    <message>
        <source>Rows {first}–{last} kept from before a divergence ({reason}, {at}).</source>
        <translation>第 {first}–{last} 行为分歧前保留的记录（{reason}，{at}）。</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is intact ({rows} rows anchored).</source>
        <translation>{terminal} 的审计链完整（已锚定 {rows} 行）。</translation>
    </message>
    <message>
        <source>The audit chain of {terminal} is broken at row {row} ({reason}).</source>
        <translation>{terminal} 的审计链在第 {row} 行断开（{reason}）。</translation>
    </message>
    <message>
        <source>Rules {version} loaded.</source>
        <translation>规则 {version} 已载入。</translation>
    </message>
    <message>
        <source>{count} members imported.</source>
        <translation>已导入 {count} 名会员。</translation>
    </message>
    <message>
        <source>Registration code for {name}: {code} (valid {hours} h, once).</source>
        <translation>{name} 的注册码：{code}（{hours} 小时内有效，仅限一次）。</translation>
    </message>
    <message>
        <source>Terminal {terminal} is revoked.</source>
        <translation>终端 {terminal} 已撤销。</translation>
    </message>
    <message>
        <source>Snapshot at change {change_no}: {members} members, {size} bytes, SHA-256 {sha}.</source>
        <translation>快照截至变更 {change_no}：{members} 名会员，{size} 字节，SHA-256 {sha}。</translation>
    </message>
    <message>
        <source>Change feed pruned through change {floor}: {deleted} changes deleted.</source>
        <translation>变更记录已清理至第 {floor} 号：删除 {deleted} 条。</translation>
    </message>
    <message>
        <source>New member-QR signing key {key_id}.</source>
        <translation>新的会员二维码签名密钥 {key_id}。</translation>
    </message>
    <message>
        <source>Exception {id} resolved.</source>
        <translation>异常 {id} 已处理。</translation>
    </message>
    <message>
        <source>{done} operations applied again; {held} still quarantined.</source>
        <translation>已重新处理 {done} 个操作；仍有 {held} 个在隔离区。</translation>
    </message>
    <message>
        <source>Stock allocated.</source>
        <translation>库存已分配。</translation>
    </message>
    <message>
        <source>The request is larger than the server accepts ({limit} bytes).</source>
        <translation>请求超出服务器允许的大小（{limit} 字节）。</translation>
    </message>
    <message>
        <source>{count} receipts were credited to member {member_no} on {day}; check that they are the member&apos;s own purchases.</source>
        <translation>{day} 会员 {member_no} 共积分了 {count} 张小票，请核实是否均为会员本人消费。</translation>
    </message>
    <message>
        <source>Member {member_no} redeemed points at {count} desks ({desks}) within {minutes} minutes; check whether the points were spent twice.</source>
        <translation>会员 {member_no} 在 {minutes} 分钟内于 {count} 个服务台（{desks}）兑换积分，请核查积分是否被重复使用。</translation>
    </message>
    <message>
        <source>Staff {staff_no} at {terminal} reversed a transaction that has no matching earning on the server ({count} on {day}); check the reversals.</source>
        <translation>{terminal} 的员工 {staff_no} 冲正了一笔在服务器上没有对应积分的交易（{day} 共 {count} 笔），请核查冲正记录。</translation>
    </message>
    <message>
        <source>Staff {staff_no} was disabled on {since}, but operations they made later at {terminal} on {day} arrived ({count} so far) and were booked. Check them, and that the desk has synced since.</source>
        <translation>员工 {staff_no} 已于 {since} 停用，但其之后于 {day} 在 {terminal} 办理的业务已送达（目前 {count} 笔）并已入账。请核查这些业务，并确认该服务台此后已同步。</translation>
    </message>
    <message>
        <source>Staff {staff_no} revealed {count} full phone numbers within an hour (up to {at}); check why.</source>
        <translation>员工 {staff_no} 一小时内查看了 {count} 个完整手机号（截至 {at}），请核查原因。</translation>
    </message>
    <message>
        <source>Staff {staff_no} looked up {count} members within an hour (up to {at}); check why.</source>
        <translation>员工 {staff_no} 一小时内查询了 {count} 位会员（截至 {at}），请核查原因。</translation>
    </message>
    <message>
        <source>Staff {staff_no} exported member data at {terminal} ({rows} rows; {count} exports that day); check that the export was authorised.</source>
        <translation>员工 {staff_no} 在 {terminal} 导出了会员数据（{rows} 行；当天共导出 {count} 次），请核实导出是否经过授权。</translation>
    </message>
    <message>
        <source>The audit log of {terminal} was rewritten: row {row} differs from what the terminal reported earlier. Find out who had access to the terminal; the server kept the original rows.</source>
        <translation>{terminal} 的审计日志被改写：第 {row} 行与终端此前上报的不一致。请查明谁接触过该终端；服务器已保留原始记录。</translation>
    </message>
    <message>
        <source>Audit rows of {terminal} from row {row} on were deleted on the terminal. Find out who had access to the terminal; the server kept the original rows.</source>
        <translation>{terminal} 自第 {row} 行起的审计记录在终端上被删除。请查明谁接触过该终端；服务器已保留原始记录。</translation>
    </message>
    <message>
        <source>The audit log of {terminal} has a gap or rows out of order before row {row}. Find out who had access to the terminal.</source>
        <translation>{terminal} 的审计日志在第 {row} 行之前有缺失或顺序错乱。请查明谁接触过该终端。</translation>
    </message>
    <message>
        <source>The audit log of {terminal} is broken at row {row} (its link to the previous row does not match). Find out who had access to the terminal.</source>
        <translation>{terminal} 的审计日志在第 {row} 行断开（与上一行的链接不符）。请查明谁接触过该终端。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>One-time registration code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>小票纸</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Serial scanner (USB-COM mode)</source>
        <translation>串口扫码枪（USB-COM 模式）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation>闲置锁屏（分钟）</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Chinese encoding</source>
        <translation>中文编码</translation>
    </message>
    <message>
        <source>Logo (optional)</source>
        <translation>标志（可选）</translation>
    </message>
    <message>
        <source>Printer for A4 and PDF</source>
        <translation>A4 及 PDF 打印机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Speed (baud)</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>PNG file, printed at the top of every slip</source>
        <translation>PNG 文件，打印在每张小票顶部</translation>
    </message>
    <message>
        <source>None: the scanner types (keyboard mode)</source>
        <translation>无：扫码枪以键盘方式输入</translation>
    </message>
    <message>
        <source>Register this terminal</source>
        <translation>注册本终端</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>About MemberDesk</source>
        <translation>关于 MemberDesk</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>First, choose this desk&apos;s receipt printer and make a test print; then save.</source>
        <translation>首次使用：请先选择本服务台的小票打印机并打印测试页，然后保存。</translation>
    </message>
    <message>
        <source>The language changes at once, without a restart. Settings are kept in this terminal&apos;s database.</source>
        <translation>语言立即切换，无需重启。设置保存在本终端的数据库中。</translation>
    </message>
    <message>
        <source>No receipt printer (print preview)</source>
        <translation>无小票打印机（打印预览）</translation>
    </message>
    <message>
        <source>Printer with a driver (PDF through the print queue)</source>
        <translation>带驱动的打印机（经打印队列打印 PDF）</translation>
    </message>
    <message>
        <source>USB (device file)</source>
        <translation>USB（设备文件）</translation>
    </message>
    <message>
        <source>Network (port 9100)</source>
        <translation>网络（9100 端口）</translation>
    </message>
    <message>
        <source>Print queue (raw CUPS)</source>
        <translation>打印队列（CUPS 原始模式）</translation>
    </message>
    <message>
        <source>As the model ({encoding})</source>
        <translation>按型号（{encoding}）</translation>
    </message>
    <message>
        <source>80 mm thermal</source>
        <translation>80 毫米热敏纸</translation>
    </message>
    <message>
        <source>58 mm thermal</source>
        <translation>58 毫米热敏纸</translation>
    </message>
    <message>
        <source>None (print preview)</source>
        <translation>无（打印预览）</translation>
    </message>
    <message>
        <source>No camera (scanner only)</source>
        <translation>不使用摄像头（仅扫码枪）</translation>
    </message>
    <message>
        <source>Camera {index}</source>
        <translation>摄像头 {index}</translation>
    </message>
    <message>
        <source>name of a raw print queue</source>
        <translation>原始模式打印队列名称</translation>
    </message>
    <message>
        <source>No serial scanner: codes come from the keyboard wedge or camera.</source>
        <translation>未使用串口扫码枪：条码来自键盘模式扫码枪或摄像头。</translation>
    </message>
    <message>
        <source>Scanner on {port} is connected.</source>
        <translation>{port} 上的扫码枪已连接。</translation>
    </message>
    <message>
        <source>Waiting for the scanner on {port} (plug it in; it is found by itself).</source>
        <translation>正在等待 {port} 上的扫码枪（插上即可，自动识别）。</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <source>Test page sent to {printer}. Check the Chinese line, the ruler and the QR code.</source>
        <translation>测试页已发送到 {printer}。请检查中文行、标尺和二维码。</translation>
    </message>
    <message>
        <source>MemberDesk {version}
Terminal {terminal} · rules {rules}</source>
        <translation>MemberDesk {version}
终端 {terminal} · 规则 {rules}</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
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
        <translation>状态</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
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
        <translation>位于 {path} 的数据库无法以安全模式运行（WAL，synchronous=FULL），请确认该文件夹在本地磁盘上。</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer MemberDesk (migration {name}); install that version or newer.</source>
        <translation>此数据库已由更新版本的 MemberDesk 升级（迁移 {name}），请安装该版本或更新版本。</translation>
    </message>
    <message>
        <source>This terminal is not set up yet; run “memberdesk init”.</source>
        <translation>本终端尚未设置，请运行“memberdesk init”。</translation>
    </message>
    <message>
        <source>No {name} are loaded on this terminal; run “memberdesk init”.</source>
        <translation>本终端未加载 {name}，请运行“memberdesk init”。</translation>
    </message>
    <message>
        <source>The key for the database at {path} is not in this computer&apos;s keyring. Restore it with “memberdesk store-key import”, or ask IT to restore the keyring; nothing was changed.</source>
        <translation>本机钥匙串中没有位于 {path} 的数据库的密钥。请用“memberdesk store-key import”恢复密钥，或请 IT 恢复钥匙串；未做任何更改。</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database key in ({detail}). Sign in to the desktop session (Windows: the terminal&apos;s user account) and start MemberDesk again.</source>
        <translation>本机没有可保存数据库密钥的钥匙串（{detail}）。请登录桌面会话（Windows：终端的用户账户）后重新启动 MemberDesk。</translation>
    </message>
    <message>
        <source>The database at {path} is in use by another program; close it and try again.</source>
        <translation>位于 {path} 的数据库正被其他程序使用，请关闭后重试。</translation>
    </message>
    <message>
        <source>The database at {path} cannot be opened with the key in this computer&apos;s keyring: the key is wrong or the file is not a MemberDesk database. Nothing was changed.</source>
        <translation>无法用本机钥匙串中的密钥打开位于 {path} 的数据库：密钥错误，或该文件不是 MemberDesk 数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>A store key is 64 hexadecimal digits.</source>
        <translation>数据库密钥为 64 位十六进制数字。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The server&apos;s certificate could not be verified ({error}).</source>
        <translation>无法验证服务器证书（{error}）。</translation>
    </message>
    <message>
        <source>The server cannot be reached ({error}).</source>
        <translation>无法连接服务器（{error}）。</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP {status}); trying again.</source>
        <translation>服务器内部出错（HTTP {status}），正在重试。</translation>
    </message>
    <message>
        <source>The server is busy (HTTP {status}); trying again.</source>
        <translation>服务器繁忙（HTTP {status}），正在重试。</translation>
    </message>
    <message>
        <source>The server does not accept this terminal; register it again.</source>
        <translation>服务器不接受本终端，请重新注册。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {status}).</source>
        <translation>服务器拒绝了请求（HTTP {status}）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off; trying again.</source>
        <translation>服务器的响应被中断，正在重试。</translation>
    </message>
    <message>
        <source>The download was interrupted; it resumes where it stopped.</source>
        <translation>下载中断，将从中断处继续。</translation>
    </message>
    <message>
        <source>The downloaded snapshot is damaged (checksum mismatch).</source>
        <translation>下载的快照已损坏（校验值不符）。</translation>
    </message>
    <message>
        <source>This terminal is not registered with a server yet.</source>
        <translation>本终端尚未在服务器注册。</translation>
    </message>
    <message>
        <source>Another program is syncing this terminal; trying again shortly.</source>
        <translation>另一个程序正在同步本终端，稍后重试。</translation>
    </message>
    <message>
        <source>Sync has a problem ({error}); it keeps trying. Tell IT if it stays.</source>
        <translation>同步出现问题（{error}），系统会继续重试。如持续出现，请通知 IT。</translation>
    </message>
    <message>
        <source>Receipt credited at two desks</source>
        <translation>同一小票在两个服务台积分</translation>
    </message>
    <message>
        <source>Coupon used at two desks</source>
        <translation>同一优惠券在两个服务台核销</translation>
    </message>
    <message>
        <source>Same phone enrolled twice: merge review</source>
        <translation>同一手机号重复入会：待复核合并</translation>
    </message>
    <message>
        <source>Offline redemption overdrew the balance</source>
        <translation>离线兑换导致积分透支</translation>
    </message>
    <message>
        <source>Paper slip keyed in twice</source>
        <translation>纸质单据重复录入</translation>
    </message>
    <message>
        <source>Profile changed at two desks</source>
        <translation>资料在两个服务台被修改</translation>
    </message>
    <message>
        <source>Operation by a role not permitted to do it</source>
        <translation>无权限角色执行的操作</translation>
    </message>
    <message>
        <source>Audit log of this desk rewritten</source>
        <translation>本服务台的审计日志被改写</translation>
    </message>
    <message>
        <source>Bulk export</source>
        <translation>批量导出</translation>
    </message>
    <message>
        <source>Unusually many member look-ups</source>
        <translation>会员查询次数异常</translation>
    </message>
    <message>
        <source>Unusually many phone reveals</source>
        <translation>查看完整手机号次数异常</translation>
    </message>
    <message>
        <source>Many receipts credited to one member</source>
        <translation>同一会员补录大量小票</translation>
    </message>
    <message>
        <source>One member redeeming at several desks</source>
        <translation>同一会员在多个服务台兑换</translation>
    </message>
    <message>
        <source>Reversal without a matching earn</source>
        <translation>冲正没有对应的积分记录</translation>
    </message>
    <message>
        <source>Work by disabled staff</source>
        <translation>已停用员工的操作</translation>
    </message>
    <message>
        <source>Write down the decision that resolves the exception.</source>
        <translation>请写明处理该异常的决定。</translation>
    </message>
    <message>
        <source>Resolving an exception needs the server; try again online.</source>
        <translation>处理异常需要连接服务器，请联网后再试。</translation>
    </message>
    <message>
        <source>The server could not record the decision: {reason}</source>
        <translation>服务器无法记录该决定：{reason}</translation>
    </message>
    <message>
        <source>The snapshot failed its integrity check ({problem}).</source>
        <translation>快照未通过完整性检查（{problem}）。</translation>
    </message>
    <message>
        <source>{count} operations of this terminal are not confirmed by the server yet; sync first.</source>
        <translation>本终端有 {count} 个操作尚未经服务器确认，请先同步。</translation>
    </message>
    <message>
        <source>There is no backup file at {path}.</source>
        <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
        <source>The backup {path} cannot be opened with this terminal&apos;s key (made on another computer, or not a MemberDesk backup). Nothing was changed.</source>
        <translation>无法用本终端的密钥打开备份 {path}（可能在另一台电脑上制作，或不是 MemberDesk 备份）。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or not a terminal store ({detail}); nothing was changed.</source>
        <translation>备份 {path} 已损坏或不是终端数据库（{detail}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup is of terminal {backup}, this store is terminal {store}; nothing was changed.</source>
        <translation>该备份属于终端 {backup}，本数据库属于终端 {store}；未做任何更改。</translation>
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
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>{count} operations waiting since {since}</source>
        <translation>{count} 笔操作待发送（自 {since}）</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>无待发送操作</translation>
    </message>
    <message>
        <source>last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{count} open exceptions</source>
        <translation>{count} 条异常待处理</translation>
    </message>
</context>
<context>
    <name>Tenant</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Terminal code</source>
        <translation>终端编号</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>纪元</translation>
    </message>
    <message>
        <source>Rules version</source>
        <translation>规则版本</translation>
    </message>
    <message>
        <source>Operations waiting to be sent</source>
        <translation>待发送操作</translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>最早待发送时间</translation>
    </message>
    <message>
        <source>Members in this store</source>
        <translation>本机会员数</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter the member number (10 digits) or scan the member code.</source>
        <translation>请输入会员号（10 位数字）或扫描会员码。</translation>
    </message>
    <message>
        <source>“{value}” is not a member number: a digit is wrong (the check digit does not match).</source>
        <translation>“{value}”不是有效的会员号：有一位数字有误（校验位不符）。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid member number.</source>
        <translation>“{value}”不是有效的会员号。</translation>
    </message>
    <message>
        <source>Please enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>The amount is more than any single purchase; check it.</source>
        <translation>金额超出单笔消费上限，请核对。</translation>
    </message>
    <message>
        <source>Please enter a number of points other than zero.</source>
        <translation>请输入不为零的积分数。</translation>
    </message>
    <message>
        <source>{value} points is out of range.</source>
        <translation>{value} 积分超出允许范围。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation>“{value}”不是可选项之一。</translation>
    </message>
    <message>
        <source>Please enter a date like 2026-11-20.</source>
        <translation>请输入日期，例如 2026-11-20。</translation>
    </message>
    <message>
        <source>“{key}” must be yes or no.</source>
        <translation>“{key}”须为是或否。</translation>
    </message>
    <message>
        <source>The consent record is missing.</source>
        <translation>缺少同意记录。</translation>
    </message>
    <message>
        <source>Please enter the birthday (month and day).</source>
        <translation>请输入生日（月和日）。</translation>
    </message>
    <message>
        <source>The member must accept the privacy policy to enroll.</source>
        <translation>会员须同意隐私政策才能注册。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>“{field}” cannot be edited here.</source>
        <translation>此处不能修改“{field}”。</translation>
    </message>
    <message>
        <source>The quantity must be from 1 to 20.</source>
        <translation>数量须为 1 至 20。</translation>
    </message>
    <message>
        <source>Choose the transaction to reverse.</source>
        <translation>请选择要冲正的交易。</translation>
    </message>
    <message>
        <source>Slip {serial} is not a slip for this kind of entry.</source>
        <translation>单据 {serial} 不是此类业务的单据。</translation>
    </message>
    <message>
        <source>Unknown operation “{kind}”.</source>
        <translation>未知操作“{kind}”。</translation>
    </message>
    <message>
        <source>The operation has no details.</source>
        <translation>该操作缺少详细信息。</translation>
    </message>
    <message>
        <source>“{text}” is not a mainland mobile number (11 digits starting with 13–19).</source>
        <translation>“{text}”不是有效的大陆手机号（以 13–19 开头的 11 位数字）。</translation>
    </message>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation>请输入会员姓名。</translation>
    </message>
    <message>
        <source>A name can have at most {max} characters.</source>
        <translation>姓名最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>A name may contain letters, spaces, · - and &apos; only, not “{char}”.</source>
        <translation>姓名只能包含文字、空格、· - 和 &apos;，不能包含“{char}”。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>At most {max} characters, please.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Use letters, digits, - / and . only (at most {max} characters).</source>
        <translation>只能使用字母、数字、- / 和 .（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <source>Contains an invisible or control character (U+{code}).</source>
        <translation>包含不可见字符或控制字符（U+{code}）。</translation>
    </message>
    <message>
        <source>“{value}” is not a gender the desk records; choose female (女), male (男), other (其他) or none.</source>
        <translation>“{value}”不是可登记的性别；请选择 女（female）、男（male）、其他（other）或不填。</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as 2026-11-20.</source>
        <translation>“{text}”不是日期，请写成 2026-11-20。</translation>
    </message>
    <message>
        <source>{text} is not in the calendar: check the month and the day.</source>
        <translation>日历上没有 {text}：请核对月份和日期。</translation>
    </message>
    <message>
        <source>Write the birthday as month-day, e.g. 03-15, or 1990-03-15.</source>
        <translation>请按“月-日”填写生日，例如 03-15 或 1990-03-15。</translation>
    </message>
    <message>
        <source>{month}-{day} is not a date in the calendar.</source>
        <translation>{month}-{day} 不是有效日期。</translation>
    </message>
    <message>
        <source>The birthday {year}-{month:02d}-{day:02d} is in the future.</source>
        <translation>生日 {year}-{month:02d}-{day:02d} 晚于今天。</translation>
    </message>
    <message>
        <source>The birth year {year} is more than 120 years ago; check the year, or leave it out.</source>
        <translation>出生年份 {year} 距今超过 120 年；请核对年份，或不填年份。</translation>
    </message>
    <message>
        <source>The birth year {year} is not plausible.</source>
        <translation>出生年份 {year} 不合理。</translation>
    </message>
    <message>
        <source>{year} had no 29 February.</source>
        <translation>{year} 年没有 2 月 29 日。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>A staff number is 1 to 16 letters or digits.</source>
        <translation>工号为 1 至 16 位字母或数字。</translation>
    </message>
    <message>
        <source>Choose between 1 and 500 slips of each kind.</source>
        <translation>每类单据请选择 1 至 500 张。</translation>
    </message>
    <message>
        <source>Write the time on the slip as 2026-11-22 14:30.</source>
        <translation>请按 2026-11-22 14:30 的格式填写单据上的时间。</translation>
    </message>
    <message>
        <source>The time on the slip ({written}) is later than now; check the date and hour.</source>
        <translation>凭条上的时间（{written}）晚于现在；请核对日期和钟点。</translation>
    </message>
    <message>
        <source>The slip was written on {written}, more than 60 days ago; slips that old are not keyed in.</source>
        <translation>凭条填写于 {written}，已超过 60 天；这么早的凭条不再补录。</translation>
    </message>
</context>
</TS>
