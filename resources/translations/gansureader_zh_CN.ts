<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleBrowser</name>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="299"/>
        <source>Picture cannot be shown</source>
        <translation>图片无法显示</translation>
    </message>
</context>
<context>
    <name>ArticleDelegate</name>
    <message>
        <location filename="../../src/gansureader/ui/article_list.py" line="260"/>
        <source>Removed from the site</source>
        <translation>原文已删除</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/article_list.py" line="263"/>
        <source>Updated %1</source>
        <translation>已更新 %1</translation>
    </message>
</context>
<context>
    <name>ChannelSidebar</name>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="45"/>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="47"/>
        <source>What the article list shows, with the number of unread articles</source>
        <translation>文章列表显示的内容，附未读文章数</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="91"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="34"/>
        <location filename="../../src/gansureader/ui/sidebar.py" line="92"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="34"/>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="93"/>
        <source>Starred</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="95"/>
        <source>Updated or removed</source>
        <translation>已更新 / 已删除</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="103"/>
        <source>Follows</source>
        <translation>关注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/sidebar.py" line="177"/>
        <source>Muted: %n article(s)</source>
        <translation>
            <numerusform>已屏蔽 %n 篇</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="234"/>
        <location filename="../../src/gansureader/ui/sidebar.py" line="254"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="237"/>
        <source>Open channel page in browser</source>
        <translation>在浏览器中打开频道页</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="243"/>
        <source>Remove channel</source>
        <translation>删除频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="255"/>
        <source>Edit follow…</source>
        <translation>编辑关注…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="256"/>
        <source>Mute (hide from the lists)</source>
        <translation>屏蔽（不在列表中显示）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="259"/>
        <source>Notify of new articles</source>
        <translation>有新文章时提醒</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/sidebar.py" line="263"/>
        <source>Remove follow</source>
        <translation>删除关注</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="74"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="76"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/states.py" line="99"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/states.py" line="101"/>
        <location filename="../../src/gansureader/ui/states.py" line="108"/>
        <source>%n address(es) could not be fetched:</source>
        <translation>
            <numerusform>%n 个地址获取失败：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="30"/>
        <source>Export article</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="47"/>
        <source>Export articles</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="48"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="57"/>
        <source>Export articles into</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="95"/>
        <source>Exporting %1 articles…</source>
        <translation>正在导出 %1 篇文章…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/exporting.py" line="115"/>
        <source>Print: %1</source>
        <translation>打印：%1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/gansureader/ui/find_bar.py" line="17"/>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/find_bar.py" line="21"/>
        <source>Previous match</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/find_bar.py" line="22"/>
        <source>Next match</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/find_bar.py" line="23"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/find_bar.py" line="54"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="30"/>
        <source>Welcome to gansureader</source>
        <translation>欢迎使用 gansureader</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="34"/>
        <source>Nothing is cached yet. Refresh to fetch the latest news of 中国甘肃网, or load the demo content to look around without a network.</source>
        <translation>还没有缓存任何文章。点击“刷新”获取中国甘肃网的最新新闻，或加载示例内容，无需联网即可浏览。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="40"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/states.py" line="41"/>
        <source>Load demo content</source>
        <translation>加载示例内容</translation>
    </message>
</context>
<context>
    <name>FollowDialog</name>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="38"/>
        <source>Follow a search</source>
        <translation>关注此搜索</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="38"/>
        <source>Edit follow</source>
        <translation>编辑关注</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="40"/>
        <source>Search words</source>
        <translation>搜索词</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="42"/>
        <source>All words must be there; a|b: either; -word: not; &quot;…&quot;: an exact phrase</source>
        <translation>空格：全部包含；a|b：任一；-词：不含；&quot;…&quot;：完整短语</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="48"/>
        <source>The search words</source>
        <translation>与搜索词相同</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="49"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="51"/>
        <source>Only in these channels (none: every channel)</source>
        <translation>只看这些频道（都不选：全部频道）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="59"/>
        <source>Any source</source>
        <translation>任何来源</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="60"/>
        <source>Only from a source (来源) holding</source>
        <translation>只看来源包含</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="61"/>
        <source>Titles only</source>
        <translation>只搜标题</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="62"/>
        <source>Mute: hide its articles from the lists</source>
        <translation>屏蔽：不在列表中显示这些文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="64"/>
        <source>Notify of new articles</source>
        <translation>有新文章时提醒</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="67"/>
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="80"/>
        <source>&amp;Search words:</source>
        <translation>搜索词(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="82"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="83"/>
        <source>&amp;Channels:</source>
        <translation>频道(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="84"/>
        <source>So&amp;urce:</source>
        <translation>来源(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/follow_dialog.py" line="115"/>
        <source>A follow of that name exists already: choose another name.</source>
        <translation>已有同名的关注，请换一个名称。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="91"/>
        <source>gansureader — 中国甘肃网</source>
        <translation>gansureader — 中国甘肃网阅读器</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="164"/>
        <source>Search (title and text)</source>
        <translation>搜索（标题和正文）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="167"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="168"/>
        <source>Search articles</source>
        <translation>搜索文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="170"/>
        <source>Words of the title or the text; the list shows what matches</source>
        <translation>标题或正文中的词语；列表显示匹配的文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="180"/>
        <source>Articles</source>
        <translation>文章列表</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="182"/>
        <source>Newest first; Enter opens one, M marks it read, S stars it</source>
        <translation>最新的在前；回车打开，M 标为已读，S 收藏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="211"/>
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
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="52"/>
        <source>What c&amp;hanged (查看修改)</source>
        <translation>查看修改(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="59"/>
        <source>&amp;Care mode (关怀模式)</source>
        <translation>关怀模式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="62"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="64"/>
        <source>&amp;Follow this search (关注)…</source>
        <translation>关注此搜索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="66"/>
        <source>&amp;Edit follow…</source>
        <translation>编辑关注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="67"/>
        <source>&amp;Remove follow</source>
        <translation>删除关注(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="69"/>
        <source>Ne&amp;xt pane</source>
        <translation>下一个窗格(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="72"/>
        <source>Previous pa&amp;ne</source>
        <translation>上一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="74"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="54"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="56"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="57"/>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="61"/>
        <source>&amp;Find in article</source>
        <translation>在文章中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="75"/>
        <source>&amp;About gansureader</source>
        <translation>关于 gansureader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="76"/>
        <source>&amp;Read aloud / pause</source>
        <translation>朗读 / 暂停(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="78"/>
        <source>Read &amp;unread articles aloud</source>
        <translation>连续朗读未读文章(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="80"/>
        <source>&amp;Next unread article</source>
        <translation>下一篇未读(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="81"/>
        <source>&amp;Stop reading</source>
        <translation>停止朗读(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="82"/>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="83"/>
        <source>S&amp;lower</source>
        <translation>放慢(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="94"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="99"/>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="104"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="109"/>
        <source>F&amp;ollows</source>
        <translation>关注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="113"/>
        <source>&amp;Listen</source>
        <translation>听新闻(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="116"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_actions.py" line="121"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="341"/>
        <source>You are offline. This article is not cached yet; it will be fetched by the next refresh.</source>
        <translation>当前处于离线模式。这篇文章尚未缓存，已加入队列，下次刷新时获取。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="348"/>
        <source>Fetching the article…</source>
        <translation>正在获取文章…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="357"/>
        <source>You are offline: the picture is downloaded by the next refresh.</source>
        <translation>当前为离线模式：图片将在下次刷新时下载。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="361"/>
        <source>Downloading the picture…</source>
        <translation>正在下载图片…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_writes.py" line="80"/>
        <source>Remove channel</source>
        <translation>删除频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_writes.py" line="81"/>
        <source>Remove the channel “%1”? Its articles stay in 全部.</source>
        <translation>删除频道“%1”？其文章仍保留在“全部”中。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="405"/>
        <source>Link copied</source>
        <translation>链接已复制</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="427"/>
        <source>Offline mode: turn it off to refresh.</source>
        <translation>离线模式下无法刷新，请先关闭离线模式。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="496"/>
        <source>%n new article(s)</source>
        <translation>
            <numerusform>%n 篇新文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="498"/>
        <source>%n article(s) changed on the site</source>
        <translation>
            <numerusform>网站修改了 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="500"/>
        <source>%n article(s) removed from the site</source>
        <translation>
            <numerusform>网站删除了 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="502"/>
        <source>more comes with the next refresh</source>
        <translation>其余的下次刷新时获取</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="482"/>
        <source>Refresh cancelled</source>
        <translation>刷新已取消</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="516"/>
        <source>it is not an article</source>
        <translation>这不是一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="519"/>
        <source>The article could not be fetched: %1. It stays queued for the next refresh.</source>
        <translation>无法获取这篇文章：%1。它已加入队列，下次刷新时再试。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="532"/>
        <source>%n article(s) re-read with the improved parser</source>
        <translation>
            <numerusform>已用改进的解析器重新读取 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="538"/>
        <source>Refresh stopped: %1</source>
        <translation>刷新已停止：%1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="90"/>
        <source>Offline mode: only the cache is used.</source>
        <translation>离线模式：只使用已缓存的内容。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="102"/>
        <source>Cleaning up…</source>
        <translation>正在清理…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="104"/>
        <source>Cleaning up the cache…</source>
        <translation>正在清理缓存…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="119"/>
        <source>Free software under the MIT licence.</source>
        <translation>自由软件，以 MIT 许可证发布。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="123"/>
        <source>The licence texts are installed with the app.</source>
        <translation>许可证全文随应用一起安装。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/main_window.py" line="545"/>
        <source>Clean-up stopped: %1</source>
        <translation>清理已停止：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="552"/>
        <source>%n article(s) removed</source>
        <translation>
            <numerusform>已删除 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="112"/>
        <source>About gansureader</source>
        <translation>关于 gansureader</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_settings.py" line="115"/>
        <source>A calm, offline-capable desktop reader for 中国甘肃网 (gscn.com.cn).</source>
        <translation>中国甘肃网（gscn.com.cn）的桌面阅读器：安静、快速，离线也能读。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/failures.py" line="85"/>
        <source>Something went wrong inside gansureader (%1). Details are in %2.</source>
        <translation>gansureader 内部出错（%1）。详情见 %2。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="93"/>
        <source>Choose an article to read aloud.</source>
        <translation>请先选择要朗读的文章。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="113"/>
        <source>No more unread articles to read aloud.</source>
        <translation>没有更多未读文章可朗读。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_follows.py" line="49"/>
        <source>Remove follow</source>
        <translation>删除关注</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_follows.py" line="50"/>
        <source>Stop following “%1”? Its articles stay in the cache.</source>
        <translation>不再关注“%1”？其文章仍保留在缓存中。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_follows.py" line="119"/>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/main_window.py" line="504"/>
        <source>%1: %n new article(s)</source>
        <translation>
            <numerusform>%1：%n 篇新文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_revisions.py" line="42"/>
        <source>This article has not changed since it was stored</source>
        <translation>本文保存以来没有修改</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_revisions.py" line="59"/>
        <source>The article as it is now</source>
        <translation>文章的最新版本</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_revisions.py" line="64"/>
        <source>Version %1 of %2</source>
        <translation>第 %1 版，共 %2 版</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/window_revisions.py" line="71"/>
        <source>What version %1 changed</source>
        <translation>第 %1 版的修改</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/cache_watch.py" line="65"/>
        <source>The cache file was replaced (a damaged one set aside by another gansureader, or a copy put in its place): shown now is what it holds.</source>
        <translation>缓存文件已被替换（另一个 gansureader 将损坏的缓存另存在旁边，或有副本放在了原处）：现在显示的是新文件中的内容。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/cache_watch.py" line="88"/>
        <source>Another gansureader is refreshing this cache; what it brings shows here.</source>
        <translation>另一个 gansureader 正在刷新此缓存；它取回的文章会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/cache_watch.py" line="103"/>
        <source>The cache is damaged: gansureader sets it aside and starts a new one from what it still reads…</source>
        <translation>缓存已损坏：gansureader 正在将其另存在旁边，并用仍能读出的内容建立新的缓存…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/cache_watch.py" line="122"/>
        <source>The cache was checked and found sound.</source>
        <translation>缓存已检查，完好无损。</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <location filename="../../src/gansureader/ui/speech.py" line="112"/>
        <source>Reading aloud needs Qt&apos;s speech module: %1</source>
        <translation>朗读需要 Qt 的语音模块：%1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/speech.py" line="178"/>
        <source>No Chinese voice was found. Linux: install speech-dispatcher and espeak-ng; Windows: Settings → Time &amp; language → Speech → add 中文(简体); macOS: System Settings → Accessibility → Spoken Content → add a Chinese voice.</source>
        <translation>没有找到中文语音。Linux：安装 speech-dispatcher 和 espeak-ng；Windows：设置 → 时间和语言 → 语音 → 添加“中文(简体)”；macOS：系统设置 → 辅助功能 → 朗读内容 → 添加中文语音。</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="24"/>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="24"/>
        <source>unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="26"/>
        <source>starred</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="28"/>
        <source>removed from the site</source>
        <translation>原文已删除</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="31"/>
        <source>updated %1</source>
        <translation>%1 更新</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="44"/>
        <source>MMMM d, HH:mm</source>
        <comment>a QDateTime format</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="56"/>
        <source>%1 unread</source>
        <translation>%1 篇未读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="58"/>
        <source>nothing unread</source>
        <translation>没有未读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="65"/>
        <source>new in the ranking</source>
        <translation>新上榜</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="67"/>
        <source>up %1</source>
        <translation>上升 %1 位</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="69"/>
        <source>down %1</source>
        <translation>下降 %1 位</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="70"/>
        <source>unchanged</source>
        <translation>名次未变</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="76"/>
        <source>rank %1</source>
        <translation>第 %1 名</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="87"/>
        <source>best this week: rank %1</source>
        <translation>7 天内最高第 %1 名</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="88"/>
        <source>now rank %1</source>
        <translation>现第 %1 名</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/phrases.py" line="100"/>
        <source>, </source>
        <comment>between the parts of a phrase</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="43"/>
        <source>the query is empty: type a word to look for, such as 兰州</source>
        <translation>搜索词为空：请输入要找的词，例如 兰州</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="46"/>
        <source>the query is too long (%1 characters; at most 5000)</source>
        <translation>搜索词太长（%1 个字符；最多 5000）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="47"/>
        <source>the query has %1 words; at most 40 are looked for</source>
        <translation>搜索词有 %1 个；最多 40 个</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="48"/>
        <source>&apos;%1&apos; needs a word on each side, as in 兰州|天水</source>
        <translation>“%1”两边都要有词，例如 兰州|天水</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="49"/>
        <source>&apos;%1&apos; cannot be one side of |: write it apart</source>
        <translation>“%1”不能放在 | 的一边：请单独写</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="50"/>
        <source>the query only says what to leave out: add a word to look for, as in 兰州 -天气</source>
        <translation>只写了要排除的词：请加上要找的词，例如 兰州 -天气</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="53"/>
        <source>a quote (%1) is not closed: end the phrase with a quote, as in &quot;兰州新区&quot;</source>
        <translation>引号（%1）没有闭合：请在短语末尾加上引号，例如 &quot;兰州新区&quot;</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/store/query.py" line="56"/>
        <source>%1 holds no word or number to look for</source>
        <translation>%1 中没有可搜索的字词或数字</translation>
    </message>
</context>
<context>
    <name>RankingList</name>
    <message>
        <location filename="../../src/gansureader/ui/ranking.py" line="62"/>
        <source>Each source&apos;s ranking, with each article&apos;s rank over the week</source>
        <translation>各来源的新闻排行，附每篇文章一周内的名次</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/ranking.py" line="83"/>
        <source>Seen %1</source>
        <translation>见于 %1</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="424"/>
        <source>Articles the page recommends; Enter opens one</source>
        <translation>本页推荐的文章；回车打开</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="428"/>
        <source>The site&apos;s most read articles, with their movement; Enter opens one</source>
        <translation>网站阅读最多的文章及名次变化；回车打开</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="430"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/reader.py" line="432"/>
        <source>Tab moves between its links, Enter follows one</source>
        <translation>Tab 键在链接之间移动，回车打开链接</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="22"/>
        <source>could not connect (offline, or the site is down)</source>
        <translation>无法连接（没有联网，或网站暂时无法访问）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="23"/>
        <source>the server answered HTTP %1</source>
        <translation>服务器返回 HTTP %1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="24"/>
        <source>no whole answer within %1 s (the server is slow)</source>
        <translation>%1 秒内没有收到完整的回应（服务器较慢）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="25"/>
        <source>the server did not answer in time</source>
        <translation>服务器没有及时回应</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="26"/>
        <source>the connection broke off mid-page</source>
        <translation>连接在页面传输中途断开</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="27"/>
        <source>the connection closed before any of the page came</source>
        <translation>连接在页面传来之前就关闭了</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="28"/>
        <source>the server&apos;s certificate is not trusted (a Wi-Fi login page in between, or this computer&apos;s clock wrong?)</source>
        <translation>服务器的证书不受信任（中间可能有 Wi-Fi 登录页，或这台电脑的时间不对？）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="33"/>
        <source>no secure connection could be made with the server</source>
        <translation>无法与服务器建立安全连接</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="34"/>
        <source>the server sent a damaged compressed page</source>
        <translation>服务器发来的压缩页面已损坏</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="35"/>
        <source>redirected to another site: %1 — a Wi-Fi login page?</source>
        <translation>被转到了其他网站：%1——是 Wi-Fi 登录页吗？</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="36"/>
        <source>larger than %1, not fetched</source>
        <translation>大于 %1，未获取</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="37"/>
        <source>more than %1 redirects (a loop?)</source>
        <translation>转向超过 %1 次（循环了？）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="38"/>
        <source>the site&apos;s robots.txt asks readers not to fetch this page</source>
        <translation>网站的 robots.txt 要求阅读器不获取此页面</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="39"/>
        <source>the site answered with its maintenance or busy page (网站维护中, 请稍后访问): nothing was stored</source>
        <translation>网站返回的是维护或繁忙页面（网站维护中，请稍后访问）：什么也没有保存</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="44"/>
        <source>the answer was a login page, not 中国甘肃网 (a Wi-Fi login page? log in there, then refresh): nothing was stored</source>
        <translation>返回的是登录页面，不是中国甘肃网（是 Wi-Fi 登录页吗？请先在那里登录，再刷新）：什么也没有保存</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="49"/>
        <source>the answer names 中国甘肃网 nowhere (a firewall&apos;s or a maintenance page in its place?): nothing was stored</source>
        <translation>返回的页面里没有中国甘肃网的字样（是防火墙或维护页面吗？）：什么也没有保存</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="54"/>
        <source>no article text was found on the page</source>
        <translation>页面上没有找到文章正文</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="55"/>
        <source>the site says the page was not found (页面没有找到)</source>
        <translation>网站说页面没有找到</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="56"/>
        <source>only a pointer to %1</source>
        <translation>只是一个指向 %1 的跳转</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="57"/>
        <source>the address now leads to %1, not to an article</source>
        <translation>这个地址现在转到 %1，不是文章</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="58"/>
        <source>a list page where an article was expected</source>
        <translation>这里应该是文章，却是列表页</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="59"/>
        <source>no list of articles was found on the channel&apos;s page (empty now, or laid out in a way gansureader does not know yet)</source>
        <translation>栏目页面上没有找到文章列表（现在是空的，或者排版方式 gansureader 还不认识）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="64"/>
        <source>not a readable picture (damaged, or not an image)</source>
        <translation>不是可读的图片（已损坏，或不是图片）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="67"/>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="68"/>
        <source>%1: is a file; several articles go into a folder</source>
        <translation>%1：这是一个文件；多篇文章要导出到一个文件夹</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="69"/>
        <source>cannot serve feeds on 127.0.0.1:%1 (%2): choose another port</source>
        <translation>无法在 127.0.0.1:%1 上提供订阅源（%2）：请换一个端口</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="72"/>
        <source>%1: too large for an OPML file (%2 KB)</source>
        <translation>%1：作为 OPML 文件太大了（%2 KB）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="73"/>
        <source>%1: not an OPML file (not XML: %2)</source>
        <translation>%1：不是 OPML 文件（不是 XML：%2）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="74"/>
        <source>%1: not an OPML file (no &lt;opml&gt; with a &lt;body&gt;)</source>
        <translation>%1：不是 OPML 文件（没有带 &lt;body&gt; 的 &lt;opml&gt;）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="77"/>
        <source>the disk holding the cache (%1) is full: %2 MB free, and gansureader stops below %3 MB so that the cache stays whole. Free some space, then sync again: it completes the cache</source>
        <translation>存放缓存的磁盘（%1）已满：只剩 %2 MB，gansureader 在少于 %3 MB 时停下，以保证缓存完整。请腾出一些空间，然后再刷新：缓存会补全</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="82"/>
        <source>the cache folder %1 cannot be written: check its permissions</source>
        <translation>缓存文件夹 %1 无法写入：请检查它的权限</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="85"/>
        <source>the cache at %1 is busy (another gansureader is writing): try again</source>
        <translation>%1 的缓存正忙（另一个 gansureader 正在写入）：请再试一次</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="88"/>
        <source>the cache at %1 is damaged: run &apos;gansureader check&apos; to replace it (your starred and read articles are kept)</source>
        <translation>%1 的缓存已损坏：请运行“gansureader check”来替换它（您收藏和已读的文章都会保留）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="93"/>
        <source>%1 is not a folder (a file of that name is in the way, there or above it): choose another data folder</source>
        <translation>%1 不是文件夹（这里或上层有同名的文件挡住了）：请换一个数据文件夹</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/reasons.py" line="98"/>
        <source>The cache in %1 was damaged and could not be read whole. It was moved aside as %2, and a new cache was started with the %3 article(s) it could still read. Your %4 starred and %5 read article(s) are kept. The next refresh fetches the rest.</source>
        <translation>%1 中的缓存已损坏，无法完整读取。它已另存为 %2，并用仍能读出的 %3 篇文章建立了新的缓存。您收藏的 %4 篇和已读的 %5 篇文章都已保留。下次刷新会取回其余文章。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/gansureader/ui/settings_dialog.py" line="32"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="68"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="69"/>
        <location filename="../../src/gansureader/ui/settings.py" line="90"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="89"/>
        <location filename="../../src/gansureader/ui/settings.py" line="106"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="116"/>
        <source>Serif (宋体)</source>
        <translation>宋体（衬线）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="117"/>
        <source>Sans-serif (黑体)</source>
        <translation>黑体（无衬线）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="136"/>
        <source>Serve feeds to feed readers on this computer</source>
        <translation>为本机的订阅阅读器提供订阅源</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings_dialog.py" line="44"/>
        <source>Clean up now (starred articles are kept)</source>
        <translation>立即清理（保留收藏的文章）</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="66"/>
        <source>Refresh every</source>
        <translation>自动刷新间隔</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="74"/>
        <source>List pages per channel</source>
        <translation>每个频道读取的列表页数</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="81"/>
        <source>Panel articles per refresh</source>
        <translation>每次刷新下载的面板文章数</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="87"/>
        <source>Look for changes in articles of the last</source>
        <translation>检查近期文章的修改：最近</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="95"/>
        <source>Cache size limit</source>
        <translation>缓存大小上限</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="103"/>
        <source>Keep panel history</source>
        <translation>面板历史保留</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="109"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="114"/>
        <source>Reading font</source>
        <translation>正文字体</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="123"/>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="131"/>
        <source>Care mode (关怀模式): larger text, stronger colours</source>
        <translation>关怀模式：更大的字，更鲜明的颜色</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="vanished">订阅源</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings.py" line="141"/>
        <source>Feeds port</source>
        <translation>订阅源端口</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings_dialog.py" line="55"/>
        <source>Feeds address</source>
        <translation>订阅源地址</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/settings_dialog.py" line="58"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/gansureader/ui/shortcuts.py" line="25"/>
        <location filename="../../src/gansureader/ui/shortcuts.py" line="28"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/shortcuts.py" line="29"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/shortcuts.py" line="29"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="34"/>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="36"/>
        <source>Next unread article</source>
        <translation>下一篇未读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="38"/>
        <source>Reading speed</source>
        <translation>朗读速度</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="41"/>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="56"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="56"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="58"/>
        <source>Reading aloud</source>
        <translation>正在朗读</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/listening.py" line="58"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>UpgradePage</name>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="71"/>
        <source>Upgrading the cache</source>
        <translation>正在升级缓存</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="72"/>
        <source>Upgrading the cache for this version…</source>
        <translation>正在为新版本升级缓存…</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="77"/>
        <source>From schema %1 to %2</source>
        <translation>从第 %1 版结构升级到第 %2 版</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="82"/>
        <source>Upgrade progress</source>
        <translation>升级进度</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="85"/>
        <source>Your articles, stars and follows are kept. If this is interrupted, the next start goes on from where it stopped.</source>
        <translation>您的文章、收藏和关注都会保留。如果升级被中断，下次启动时会从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="101"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="103"/>
        <source>%1 / %2 articles</source>
        <translation>%1 / %2 篇</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/upgrade.py" line="117"/>
        <source>Almost there: the window opens when this is done.</source>
        <translation>马上就好：升级完成后会打开窗口。</translation>
    </message>
</context>
<context>
    <name>WindowOutputs</name>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="55"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="128"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gansureader/ui/outputs.py" line="61"/>
        <source>Export stopped: %n article(s) written to %1</source>
        <translation>
            <numerusform>导出已停止：%n 篇文章已写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="64"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="130"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="77"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="107"/>
        <source>Import channels</source>
        <translation>导入频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="84"/>
        <location filename="../../src/gansureader/ui/outputs.py" line="97"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="101"/>
        <source>%1 channel(s) added, %2 already there, %3 skipped.</source>
        <translation>新增 %1 个频道，%2 个已存在，跳过 %3 个。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="118"/>
        <source>Export channels</source>
        <translation>导出频道</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="137"/>
        <source>Turn on “Serve feeds” in the settings first.</source>
        <translation>请先在设置中打开“订阅源”。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="141"/>
        <source>Copied %1: add it to your feed reader.</source>
        <translation>已复制 %1：请添加到您的订阅阅读器。</translation>
    </message>
    <message>
        <location filename="../../src/gansureader/ui/outputs.py" line="158"/>
        <source>Feeds at %1</source>
        <translation>订阅源地址：%1</translation>
    </message>
</context>
</TS>
