<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Corrections to Qt's own Chinese catalogue (qtbase_zh_CN.qm), installed after it, so
     they win: words Qt's catalogue gets wrong or leaves in English in dialogs the app uses. -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Pages per sheet</source>
        <translation>每张页数</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>页面布局</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>页面顺序：</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>每张页数：</translation>
    </message>
</context>
</TS>
