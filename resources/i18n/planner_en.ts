<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>打印预览</source>
        <extracomment>Pages are drawn as images at the printer&apos;s resolution up to this (a sheet at 300 dpi prints sharp; more only costs memory). The preview keeps every page it shows, and prints the same pages when Print is pressed in it: 200 dpi, ~31 MB an A3 page.</extracomment>
        <translation>Print Preview</translation>
    </message>
    <message>
        <source>比例</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>正在生成版面图…</source>
        <translation>Rendering the layout sheet…</translation>
    </message>
    <message>
        <source>无法生成版面图</source>
        <translation>Cannot render the layout sheet</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>第{n}轮居民意见征集</source>
        <translation>Residents&apos; consultation round {n}</translation>
    </message>
    <message>
        <source>居民意见征集图</source>
        <translation>Residents&apos; sheet</translation>
    </message>
    <message>
        <source>轮次名称:</source>
        <translation>Round name:</translation>
    </message>
    <message>
        <source>纸张(A2、A1 为张贴用海报):</source>
        <translation>Paper (A2 and A1 are posters):</translation>
    </message>
    <message>
        <source>正在导出 PDF…</source>
        <translation>Exporting the PDF…</translation>
    </message>
    <message>
        <source>方案比较图</source>
        <translation>Comparison sheet</translation>
    </message>
    <message>
        <source>与哪个方案比较:</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <source>社区体检:选择文件夹</source>
        <translation>District audit: choose a folder</translation>
    </message>
    <message>
        <source>社区体检</source>
        <translation>District audit</translation>
    </message>
    <message>
        <source>正在查找文件…</source>
        <translation>Finding files…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法检查的文件</source>
        <translation>Files that could not be checked</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>已检查 %1 / %2 个文件</source>
        <translation>Checked %1 of %2 files</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CalibrateTool</name>
    <message>
        <source>两点标定</source>
        <translation>Two-point calibration</translation>
    </message>
    <message>
        <source>两点间的实际距离(米):</source>
        <translation>Real distance between the points (m):</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>通过</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>不满足</source>
        <translation>fail</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>warn</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>检查项</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>要求</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>只看问题</source>
        <translation>Problems only</translation>
    </message>
    <message>
        <source>先绘制用地红线</source>
        <translation>Draw the site boundary first</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>居民意见</source>
        <translation>Residents&apos; comments</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>关联选中设施</source>
        <translation>Link selected facilities</translation>
    </message>
    <message>
        <source>导出意见表模板…</source>
        <translation>Export the comment template…</translation>
    </message>
    <message>
        <source>导入意见表…</source>
        <translation>Import comments…</translation>
    </message>
    <message>
        <source>导出全部意见…</source>
        <translation>Export all comments…</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>相关设施</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>(未指定)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>先在表中选中意见,再在图上选中相关设施</source>
        <translation>Select comments in the table first, then the facilities on the map</translation>
    </message>
    <message>
        <source>居民意见表</source>
        <translation>Residents&apos; comments spreadsheet</translation>
    </message>
    <message>
        <source>Excel 表格</source>
        <translation>Excel spreadsheet</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>方案对比</source>
        <translation>Compare schemes</translation>
    </message>
    <message>
        <source>在地图上标出变化</source>
        <translation>Show the changes on the map</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>状态变化的检查:</source>
        <translation>Checks whose status changed:</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>移动或改形</source>
        <translation>Moved or reshaped</translation>
    </message>
    <message>
        <source>属性变化</source>
        <translation>Properties changed</translation>
    </message>
</context>
<context>
    <name>ConditionsPanel</name>
    <message>
        <source>规划条件</source>
        <translation>Planning conditions</translation>
    </message>
    <message>
        <source>分边退线</source>
        <translation>Setbacks by edge</translation>
    </message>
    <message>
        <source>边号: 米,如 0: 10, 3: 8</source>
        <translation>edge: metres, e.g. 0: 10, 3: 8</translation>
    </message>
    <message>
        <source>红线第 i 条边从第 i 个顶点到第 i+1 个顶点(从 0 起)</source>
        <translation>Edge i of the red line runs from vertex i to vertex i + 1 (from 0)</translation>
    </message>
</context>
<context>
    <name>DxfImportDialog</name>
    <message>
        <source>导入 DXF</source>
        <translation>Import DXF</translation>
    </message>
    <message>
        <source>图层</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>闭合</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>未闭合</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>设施类型</source>
        <translation>Facility kind</translation>
    </message>
    <message>
        <source>(不导入)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>保存图层对照表,下次导入时使用</source>
        <translation>Save the layer map for the next import</translation>
    </message>
    <message>
        <source>图层与设施类型</source>
        <translation>Layers and facility kinds</translation>
    </message>
    <message>
        <source>用地红线(选择一个闭合图形)</source>
        <translation>Parcel (pick a closed outline)</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
</context>
<context>
    <name>DxfLayersDialog</name>
    <message>
        <source>DXF 图层</source>
        <translation>DXF layers</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>图层名</source>
        <translation>Layer name</translation>
    </message>
    <message>
        <source>载入图层标准…</source>
        <translation>Load layer standard…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>图层名可按本单位或城市的 CAD 图层标准修改,下次导出沿用。</source>
        <translation>Change the layer names to your office&apos;s or city&apos;s CAD standard; the next export uses them again.</translation>
    </message>
    <message>
        <source>载入图层标准</source>
        <translation>Load layer standard</translation>
    </message>
    <message>
        <source>图层标准</source>
        <translation>Layer standard</translation>
    </message>
    <message>
        <source>保存图层标准</source>
        <translation>Save layer standard</translation>
    </message>
</context>
<context>
    <name>FacilityPalette</name>
    <message>
        <source>用地</source>
        <extracomment>(group title, national kind ids); a kind a local pack adds joins the group of its role.</extracomment>
        <translation>Site</translation>
    </message>
    <message>
        <source>住宅</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>公共服务</source>
        <translation>Public services</translation>
    </message>
    <message>
        <source>商业与快递</source>
        <translation>Shops and parcels</translation>
    </message>
    <message>
        <source>停车</source>
        <translation>Parking</translation>
    </message>
    <message>
        <source>环境卫生</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <source>绿地与场地</source>
        <translation>Green and grounds</translation>
    </message>
    <message>
        <source>交通</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>设施</source>
        <extracomment>geometry a kind is drawn as first -&gt; canvas tool id (planner.ui.canvas.tools)</extracomment>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>查找设施类型…</source>
        <translation>Find a facility kind…</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <source>层</source>
        <translation>floors</translation>
    </message>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>个</source>
        <translation>spaces</translation>
    </message>
    <message>
        <source>m²/百户</source>
        <translation>m²/100 hh</translation>
    </message>
    <message>
        <source>应配</source>
        <translation>required</translation>
    </message>
    <message>
        <source>实配</source>
        <translation>provided</translation>
    </message>
    <message>
        <source>经济技术指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>低于应配</source>
        <translation>below the requirement</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(打开时)</source>
        <translation>(as opened)</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
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
    <name>ManualAnswerDialog</name>
    <message>
        <source>确认检查项 {id}</source>
        <extracomment>button id -&gt; ManualAnswer.answer</extracomment>
        <translation>Answer check {id}</translation>
    </message>
    <message>
        <source>满足</source>
        <translation>Yes, met</translation>
    </message>
    <message>
        <source>不满足</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>尚未确认</source>
        <translation>Not yet answered</translation>
    </message>
    <message>
        <source>说明(可选),例如依据的文件或现场情况</source>
        <translation>Note (optional), e.g. the document or site visit it rests on</translation>
    </message>
</context>
<context>
    <name>ProjectPanel</name>
    <message>
        <source>新建居住社区</source>
        <translation>New residential community</translation>
    </message>
    <message>
        <source>既有居住社区(改造)</source>
        <translation>Existing community (renewal)</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>设计单位</source>
        <translation>Designer</translation>
    </message>
    <message>
        <source>社区类型</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>建筑气候区划</source>
        <translation>Climate zone</translation>
    </message>
    <message>
        <source>封闭小区</source>
        <translation>Enclosed compound</translation>
    </message>
    <message>
        <source>户均人口</source>
        <translation>Household size</translation>
    </message>
    <message>
        <source>城市人口</source>
        <translation>City population</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>规则包</source>
        <translation>Rule packs</translation>
    </message>
    <message>
        <source>{zone} 类气候区</source>
        <translation>Climate zone {zone}</translation>
    </message>
    <message>
        <source> 人/户</source>
        <translation> people/household</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>° 北</source>
        <translation>° N</translation>
    </message>
    <message>
        <source>选择城市(填入纬度、气候区、人口)…</source>
        <translation>Pick a city (fills latitude, climate zone, population)…</translation>
    </message>
    <message>
        <source>规则包与插件…</source>
        <translation>Rule Packs and Plugins…</translation>
    </message>
    <message>
        <source>红线仅在出入口可步行穿越</source>
        <translation>The red line is crossed on foot only at gates</translation>
    </message>
    <message>
        <source>规则包默认 ({n})</source>
        <translation>Rule pack default ({n})</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <source>(多个值)</source>
        <translation>(several values)</translation>
    </message>
    <message>
        <source>(计算)</source>
        <translation> (computed)</translation>
    </message>
    <message>
        <source>属性</source>
        <extracomment>Contract attributes in the order designers fill them in (name has its own row); any other declared attribute follows. Attributes the checks derive when none is typed: attribute -&gt; planner.site measure.</extracomment>
        <translation>Properties</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>宽(面宽)</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>深(进深)</source>
        <translation>Depth</translation>
    </message>
    <message>
        <source>旋转</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>每层户数</source>
        <translation>Households per floor</translation>
    </message>
    <message>
        <source>未选择要素。在画布上点选或框选设施。</source>
        <translation>Nothing selected. Click or drag a box around facilities on the canvas.</translation>
    </message>
    <message>
        <source>已选择 {n} 个要素</source>
        <translation>{n} features selected</translation>
    </message>
    <message>
        <source>长 {length} m</source>
        <translation>length {length} m</translation>
    </message>
</context>
<context>
    <name>ReachPanel</name>
    <message>
        <source>步行可达范围</source>
        <translation>Walking reach</translation>
    </message>
    <message>
        <source>选中的设施</source>
        <translation>Selected facility</translation>
    </message>
    <message>
        <source>5 分钟</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>10 分钟</source>
        <translation>10 min</translation>
    </message>
    <message>
        <source>15 分钟</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>超出</source>
        <translation>Beyond</translation>
    </message>
    <message>
        <source>无法到达</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>将鼠标停在住宅上查看到各类设施的步行时间</source>
        <translation>Hover over a home to see its walking minutes to each type</translation>
    </message>
    <message>
        <source>沿慢行道的步行距离</source>
        <translation>Walking distances along the paths</translation>
    </message>
    <message>
        <source>未绘制慢行道:按直线距离计</source>
        <translation>No paths drawn: straight-line distances</translation>
    </message>
</context>
<context>
    <name>SchemesPanel</name>
    <message>
        <source>容积率</source>
        <translation>Floor-area ratio</translation>
    </message>
    <message>
        <source>建筑密度 %</source>
        <translation>Building density %</translation>
    </message>
    <message>
        <source>绿地率 %</source>
        <translation>Green ratio %</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>停车位</source>
        <translation>Car spaces</translation>
    </message>
    <message>
        <source>充电车位</source>
        <translation>Charging spaces</translation>
    </message>
    <message>
        <source>每百户服务面积 m²</source>
        <translation>Service area per 100 households m²</translation>
    </message>
    <message>
        <source>不满足项</source>
        <translation>Failing checks</translation>
    </message>
    <message>
        <source>方案</source>
        <translation>Schemes</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>对比…</source>
        <translation>Compare…</translation>
    </message>
    <message>
        <source>保存为征求意见轮次…</source>
        <translation>Save as a consultation round…</translation>
    </message>
    <message>
        <source>只读查看轮次</source>
        <translation>Open round read-only</translation>
    </message>
    <message>
        <source>征求意见轮次</source>
        <translation>Consultation rounds</translation>
    </message>
    <message>
        <source>重命名方案</source>
        <translation>Rename scheme</translation>
    </message>
    <message>
        <source>方案名称:</source>
        <translation>Scheme name:</translation>
    </message>
    <message>
        <source>保存征求意见轮次</source>
        <translation>Save consultation round</translation>
    </message>
    <message>
        <source>轮次名称(保存后不再改变):</source>
        <translation>Round name (frozen once saved):</translation>
    </message>
    <message>
        <source>第{n}轮居民意见征集</source>
        <translation>Residents&apos; consultation round {n}</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>严寒(哈尔滨、长春)</source>
        <extracomment>Each climate zone as a designer places a city in it (建筑气候区划, GB 50178).</extracomment>
        <translation>severe cold (Harbin, Changchun)</translation>
    </message>
    <message>
        <source>寒冷(北京、天津、济南、西安)</source>
        <translation>cold (Beijing, Tianjin, Jinan, Xi&apos;an)</translation>
    </message>
    <message>
        <source>夏热冬冷(上海、南京、武汉、成都、重庆)</source>
        <translation>hot summer, cold winter (Shanghai, Nanjing, Wuhan, Chengdu, Chongqing)</translation>
    </message>
    <message>
        <source>夏热冬暖(广州、深圳、福州、南宁、海口)</source>
        <translation>hot summer, warm winter (Guangzhou, Shenzhen, Fuzhou, Nanning, Haikou)</translation>
    </message>
    <message>
        <source>温和(昆明、贵阳)</source>
        <translation>mild (Kunming, Guiyang)</translation>
    </message>
    <message>
        <source>青藏高原(西宁、拉萨)</source>
        <translation>Tibetan plateau (Xining, Lhasa)</translation>
    </message>
    <message>
        <source>西北干旱(乌鲁木齐、吐鲁番)</source>
        <translation>arid north-west (Urumqi, Turpan)</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>新社区</source>
        <translation>New community</translation>
    </message>
    <message>
        <source>印在图签上</source>
        <translation>printed in the title block</translation>
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
        <source>设计人</source>
        <translation>Designer</translation>
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
    <name>SunPanel</name>
    <message>
        <source>{n} 栋建筑已分析,{f} 栋不满足</source>
        <translation>{n} buildings analysed, {f} failing</translation>
    </message>
    <message>
        <source>场地地面 ≥ {h} 小时:{share}</source>
        <translation>Ground over the site ≥ {h} h: {share}</translation>
    </message>
    <message>
        <source>日照</source>
        <translation>Sunlight</translation>
    </message>
    <message>
        <source>其他日期</source>
        <translation>Another date</translation>
    </message>
    <message>
        <source>日照标准日</source>
        <translation>Standard day</translation>
    </message>
    <message>
        <source>真太阳时</source>
        <translation>True solar time</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>显示阴影</source>
        <translation>Show shadows</translation>
    </message>
    <message>
        <source>显示立面日照时数(红色:不满足)</source>
        <translation>Show façade hours (red: failing)</translation>
    </message>
    <message>
        <source>显示地面日照等时线</source>
        <translation>Show ground hours contours</translation>
    </message>
</context>
<context>
    <name>UnderlayPanel</name>
    <message>
        <source>载入底图</source>
        <translation>Load underlay</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>没有底图。载入扫描图或卫星截图,再用两点标定比例。</source>
        <translation>No underlay. Load a scanned plan or a satellite screenshot, then calibrate its scale with two points.</translation>
    </message>
    <message>
        <source>透明度</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>底图</source>
        <translation>Underlay</translation>
    </message>
    <message>
        <source>载入图片…</source>
        <translation>Load image…</translation>
    </message>
    <message>
        <source>两点标定</source>
        <translation>Two-point calibration</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>锁定底图</source>
        <translation>Lock underlay</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>社区规划器</source>
        <translation>Community Planner</translation>
    </message>
    <message>
        <source>完整社区设施规划与达标检查。新建项目先绘制用地红线,或打开已有项目、示例。</source>
        <translation>Plan a complete community&apos;s facilities and check them against the standard. A new project starts with the site boundary; or open a project or a sample.</translation>
    </message>
    <message>
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>进入画布</source>
        <translation>Go to the canvas</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>打开示例</source>
        <translation>Open sample</translation>
    </message>
    <message>
        <source>(找不到文件)</source>
        <translation>(file not found)</translation>
    </message>
    <message>
        <source>(还没有打开过项目)</source>
        <translation>(no project opened yet)</translation>
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
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导入周边现状…</source>
        <translation>Import surroundings…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>社区体检…</source>
        <translation>District Check-up…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <source>导出居民意见征集图…</source>
        <translation>Export residents&apos; sheet…</translation>
    </message>
    <message>
        <source>导出方案比较图…</source>
        <translation>Export comparison sheet…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>起始页</source>
        <translation>Welcome page</translation>
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
        <source>测量</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>设置出入口</source>
        <translation>Set Entrance</translation>
    </message>
    <message>
        <source>底图两点标定</source>
        <translation>Calibrate underlay</translation>
    </message>
    <message>
        <source>移动底图</source>
        <translation>Move underlay</translation>
    </message>
    <message>
        <source>放置意见标注</source>
        <translation>Place comment pin</translation>
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
        <source>底图…</source>
        <translation>Underlay…</translation>
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
        <source>步行可达范围</source>
        <translation>Walking reach</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>恢复默认布局</source>
        <translation>Reset Layout</translation>
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
    <name>audit</name>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>不满足</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>warn</translation>
    </message>
    <message>
        <source>缺项</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <source>CAD 图纸</source>
        <translation>CAD drawings</translation>
    </message>
    <message>
        <source>GeoJSON 方案</source>
        <translation>GeoJSON scenario</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>图纸单位</source>
        <translation>Drawing units</translation>
    </message>
    <message>
        <source>图纸的单位是:</source>
        <translation>The drawing is in:</translation>
    </message>
    <message>
        <source>CAD 图纸 DXF(单位:米)</source>
        <translation>CAD drawing DXF (metres)</translation>
    </message>
    <message>
        <source>CAD 图纸 DXF(单位:毫米)</source>
        <translation>CAD drawing DXF (millimetres)</translation>
    </message>
    <message>
        <source>经济技术指标表 CSV</source>
        <translation>Indicator table CSV</translation>
    </message>
    <message>
        <source>经济技术指标表 Excel</source>
        <translation>Indicator table Excel</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
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
        <source>面板</source>
        <translation>Panels</translation>
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
<context>
    <name>printing</name>
    <message>
        <source>PDF 版面图 A3 横向</source>
        <extracomment>File ▸ Export PDF offers the papers as file-type choices: (paper, orientation, label).</extracomment>
        <translation>PDF layout sheet, A3 landscape</translation>
    </message>
    <message>
        <source>PDF 版面图 A3 纵向</source>
        <translation>PDF layout sheet, A3 portrait</translation>
    </message>
    <message>
        <source>PDF 版面图 A4 横向</source>
        <translation>PDF layout sheet, A4 landscape</translation>
    </message>
    <message>
        <source>PDF 版面图 A4 纵向</source>
        <translation>PDF layout sheet, A4 portrait</translation>
    </message>
</context>
<context>
    <name>surroundings</name>
    <message>
        <source>兴趣点表(网络地图导出)</source>
        <translation>POI table (web-map export)</translation>
    </message>
    <message>
        <source>OpenStreetMap 数据</source>
        <translation>OpenStreetMap data</translation>
    </message>
    <message>
        <source>相邻方案或图纸</source>
        <translation>Neighbouring plan or drawing</translation>
    </message>
    <message>
        <source>周边现状</source>
        <translation>Surroundings</translation>
    </message>
    <message>
        <source>导入周边现状</source>
        <translation>Import surroundings</translation>
    </message>
    <message>
        <source>坐标系</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <source>兴趣点的坐标来自:</source>
        <translation>The points&apos; coordinates come from:</translation>
    </message>
    <message>
        <source>无法导入周边现状</source>
        <translation>Cannot import the surroundings</translation>
    </message>
    <message>
        <source>……另有 {n} 项</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>未导入的项</source>
        <translation>Left out</translation>
    </message>
    <message>
        <source>{name} 中以下各项未导入,其余已导入:</source>
        <translation>These items of {name} were left out; the rest was imported:</translation>
    </message>
</context>
</TS>
