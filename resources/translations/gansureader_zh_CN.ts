<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleBrowser</name>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="164"/>
        <source>Picture cannot be shown</source>
        <translation>图片无法显示</translation>
    </message>
</context>
<context>
    <name>ChannelSidebar</name>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="57"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="58"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="59"/>
        <source>Starred</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="133"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="136"/>
        <source>Open channel page in browser</source>
        <translation>在浏览器中打开频道页</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="142"/>
        <source>Remove channel</source>
        <translation>删除频道</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="70"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/states.py" line="91"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/states.py" line="93"/>
        <source>%n address(es) could not be fetched:</source>
        <translation>
            <numerusform>%n 个地址获取失败：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="29"/>
        <source>Export article</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="46"/>
        <source>Export articles</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="47"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="56"/>
        <source>Export articles into</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="82"/>
        <source>Print: %1</source>
        <translation>打印：%1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="236"/>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="240"/>
        <source>Previous match</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="241"/>
        <source>Next match</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="242"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="273"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="27"/>
        <source>Welcome to gansureader</source>
        <translation>欢迎使用 gansureader</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="31"/>
        <source>Nothing is cached yet. Refresh to fetch the latest news of 中国甘肃网, or load the demo content to look around without a network.</source>
        <translation>还没有缓存任何文章。点击“刷新”获取中国甘肃网的最新新闻，或加载示例内容，无需联网即可浏览。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="37"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="38"/>
        <source>Load demo content</source>
        <translation>加载示例内容</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="71"/>
        <source>gansureader — 中国甘肃网</source>
        <translation>gansureader — 中国甘肃网阅读器</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="133"/>
        <source>Search (title and text)</source>
        <translation>搜索（标题和正文）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="172"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="30"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="31"/>
        <source>&amp;Offline mode</source>
        <translation>离线模式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="33"/>
        <source>&amp;Import channels (OPML)…</source>
        <translation>导入频道 (OPML)(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="36"/>
        <source>E&amp;xport channels (OPML)…</source>
        <translation>导出频道 (OPML)(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="39"/>
        <source>Copy &amp;feeds link (OPML)</source>
        <translation>复制订阅源链接 (OPML)(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="41"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="42"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="43"/>
        <source>&amp;Next article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="44"/>
        <source>&amp;Previous article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="45"/>
        <source>Mark read/&amp;unread</source>
        <translation>标为已读/未读(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="46"/>
        <source>Mark &amp;all read</source>
        <translation>全部标为已读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="47"/>
        <source>&amp;Star</source>
        <translation>收藏(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="48"/>
        <source>Open in &amp;browser</source>
        <translation>在浏览器中打开(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="49"/>
        <source>&amp;Copy link</source>
        <translation>复制链接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="50"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="51"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="53"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="55"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="56"/>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="57"/>
        <source>&amp;Find in article</source>
        <translation>在文章中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="58"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="59"/>
        <source>&amp;About gansureader</source>
        <translation>关于 gansureader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="63"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="68"/>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="73"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="76"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="81"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="286"/>
        <source>You are offline. This article is not cached yet; it will be fetched by the next refresh.</source>
        <translation>当前处于离线模式。这篇文章尚未缓存，已加入队列，下次刷新时获取。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="293"/>
        <source>Fetching the article…</source>
        <translation>正在获取文章…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="302"/>
        <source>You are offline: the picture is downloaded by the next refresh.</source>
        <translation>当前为离线模式：图片将在下次刷新时下载。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="306"/>
        <source>Downloading the picture…</source>
        <translation>正在下载图片…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_writes.py" line="75"/>
        <source>Remove channel</source>
        <translation>删除频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_writes.py" line="76"/>
        <source>Remove the channel “%1”? Its articles stay in 全部.</source>
        <translation>删除频道“%1”？其文章仍保留在“全部”中。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="344"/>
        <source>Link copied</source>
        <translation>链接已复制</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="359"/>
        <source>Offline mode: turn it off to refresh.</source>
        <translation>离线模式下无法刷新，请先关闭离线模式。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="398"/>
        <source>%n new article(s)</source>
        <translation>
            <numerusform>%n 篇新文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="400"/>
        <source>more comes with the next refresh</source>
        <translation>其余的下次刷新时获取</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="402"/>
        <source>Refresh cancelled</source>
        <translation>刷新已取消</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="425"/>
        <source>it is not an article</source>
        <translation>这不是一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="428"/>
        <source>The article could not be fetched: %1. It stays queued for the next refresh.</source>
        <translation>无法获取这篇文章：%1。它已加入队列，下次刷新时再试。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="441"/>
        <source>%n article(s) re-read with the improved parser</source>
        <translation>
            <numerusform>已用改进的解析器重新读取 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="447"/>
        <source>Refresh stopped: %1</source>
        <translation>刷新已停止：%1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="454"/>
        <source>Offline mode: only the cache is used.</source>
        <translation>离线模式：只使用已缓存的内容。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="465"/>
        <source>Cleaning up…</source>
        <translation>正在清理…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="467"/>
        <source>Cleaning up the cache…</source>
        <translation>正在清理缓存…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="473"/>
        <source>Clean-up stopped: %1</source>
        <translation>清理已停止：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="479"/>
        <source>%n article(s) removed</source>
        <translation>
            <numerusform>已删除 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="501"/>
        <source>About gansureader</source>
        <translation>关于 gansureader</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="503"/>
        <source>A calm, offline-capable desktop reader for 中国甘肃网 (gscn.com.cn).</source>
        <translation>中国甘肃网（gscn.com.cn）的桌面阅读器：安静、快速，离线也能读。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/failures.py" line="51"/>
        <source>Something went wrong inside gansureader (%1). Details are in %2.</source>
        <translation>gansureader 内部出错（%1）。详情见 %2。</translation>
    </message>
</context>
<context>
    <name>RankingList</name>
    <message>
        <location filename="../../src/gansureader/ui/ranking.py" line="69"/>
        <source>Seen %1</source>
        <translation>见于 %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="172"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="82"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="83"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="112"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="122"/>
        <source>Serif (宋体)</source>
        <translation>宋体（衬线）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="123"/>
        <source>Sans-serif (黑体)</source>
        <translation>黑体（无衬线）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="137"/>
        <source>Serve feeds to feed readers on this computer</source>
        <translation>为本机的订阅阅读器提供订阅源</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="184"/>
        <source>Clean up now (starred articles are kept)</source>
        <translation>立即清理（保留收藏的文章）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="80"/>
        <source>Refresh every</source>
        <translation>自动刷新间隔</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="88"/>
        <source>List pages per channel</source>
        <translation>每个频道读取的列表页数</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="95"/>
        <source>Panel articles per refresh</source>
        <translation>每次刷新下载的面板文章数</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="101"/>
        <source>Cache size limit</source>
        <translation>缓存大小上限</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="109"/>
        <source>Keep panel history</source>
        <translation>面板历史保留</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="115"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="120"/>
        <source>Reading font</source>
        <translation>正文字体</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="129"/>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="180"/>
        <source>Feeds</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="142"/>
        <source>Feeds port</source>
        <translation>订阅源端口</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="195"/>
        <source>Feeds address</source>
        <translation>订阅源地址</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="198"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>WindowOutputs</name>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="55"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="115"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="58"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="117"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="69"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="97"/>
        <source>Import channels</source>
        <translation>导入频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="76"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="87"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="91"/>
        <source>%1 channel(s) added, %2 already there, %3 skipped.</source>
        <translation>新增 %1 个频道，%2 个已存在，跳过 %3 个。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="105"/>
        <source>Export channels</source>
        <translation>导出频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="124"/>
        <source>Turn on “Serve feeds” in the settings first.</source>
        <translation>请先在设置中打开“订阅源”。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="128"/>
        <source>Copied %1: add it to your feed reader.</source>
        <translation>已复制 %1：请添加到您的订阅阅读器。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="145"/>
        <source>Feeds at %1</source>
        <translation>订阅源地址：%1</translation>
    </message>
</context>
</TS>
