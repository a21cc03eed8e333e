<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>打印预览</source>
        <extracomment>Pages are drawn as images at the printer&apos;s resolution up to this (a sheet at 300 dpi prints sharp; more only costs memory). The preview keeps every page it shows, and prints the same pages when Print is pressed in it: 200 dpi, ~31 MB an A3 page.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>项目与方案文件</source>
        <translation>Projects and scenarios</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>项目有未保存的修改。是否保存?</source>
        <translation>The project has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>项目文件</source>
        <translation>Project files</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>社区规划器</source>
        <translation>Community Planner</translation>
    </message>
    <message>
        <source>完整社区设施规划与达标检查(离线)</source>
        <translation>Complete-community facility planning and checks (offline)</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>新社区</source>
        <translation>New community</translation>
    </message>
    <message>
        <source>新建居住社区</source>
        <translation>New residential community</translation>
    </message>
    <message>
        <source>既有居住社区</source>
        <translation>Existing residential community</translation>
    </message>
    <message>
        <source>先绘制用地红线</source>
        <translation>Draw the site boundary first</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>社区类型</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>气候区</source>
        <translation>Climate zone</translation>
    </message>
    <message>
        <source>规划户数</source>
        <translation>Planned households</translation>
    </message>
    <message>
        <source>住宅(待布置)</source>
        <translation>Housing (to be laid out)</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>剪切</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>再制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
    <message>
        <source>旋转 90°</source>
        <translation>Rotate 90°</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>编辑节点</source>
        <translation>Edit Vertices</translation>
    </message>
    <message>
        <source>绘制用地红线</source>
        <translation>Draw Site Boundary</translation>
    </message>
    <message>
        <source>绘制矩形设施</source>
        <translation>Draw Rectangle</translation>
    </message>
    <message>
        <source>绘制多边形设施</source>
        <translation>Draw Polygon</translation>
    </message>
    <message>
        <source>放置点设施</source>
        <translation>Place Point</translation>
    </message>
    <message>
        <source>绘制道路</source>
        <translation>Draw Path</translation>
    </message>
    <message>
        <source>捕捉</source>
        <translation>Snap</translation>
    </message>
    <message>
        <source>规则包与插件…</source>
        <translation>Rule Packs and Plugins…</translation>
    </message>
    <message>
        <source>全图</source>
        <translation>Fit All</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>比例 1:500</source>
        <translation>Scale 1:500</translation>
    </message>
    <message>
        <source>比例 1:1000</source>
        <translation>Scale 1:1000</translation>
    </message>
    <message>
        <source>比例 1:2000</source>
        <translation>Scale 1:2000</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Open Recent</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>语言 Language</source>
        <translation>Language 语言</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
</context>
</TS>
