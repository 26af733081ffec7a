// `:host` with `!important` beats any page rule on the host (inner-context important
// declarations win the cascade), and `all: initial` stops inherited page styles such as
// `*{visibility:hidden}` from reaching the UI; font and colour are set there too, so every
// element inherits them. Custom properties still inherit: theming. A closed dialog stays laid
// out where it opens, hidden (`visibility` also keeps it from focus and assistive technology):
// built when a settings link is pointed at, its layout and text shaping are done before the click.
const dark =
  '--b:var(--consentry-bg,#1f1f1f);--f:var(--consentry-fg,#ececec);--a:var(--consentry-accent,#9ec1ff);--af:var(--consentry-accent-fg,#111)'

export const css = `:host{all:initial!important;display:contents!important;font:medium/1.5 var(--consentry-font,system-ui,sans-serif)!important;color:var(--f)!important;--b:var(--consentry-bg,#fff);--f:var(--consentry-fg,#1f1f1f);--a:var(--consentry-accent,#0b57d0);--af:var(--consentry-accent-fg,#fff);--r:var(--consentry-radius,.5em)}\
:host([theme=dark]){${dark}}\
@media(prefers-color-scheme:dark){:host([theme=auto]){${dark}}}\
section,dialog{padding:var(--consentry-space,1em);color:inherit;background:var(--b);border:1px solid #8888;border-radius:var(--r)}\
section,[part~=floating]{position:fixed;z-index:2147483647;bottom:.5em;inset-inline-start:.5em;box-shadow:0 0 1em #0006}\
section{inset-inline-end:.5em;max-width:42em;max-height:calc(100% - 3em);overflow:auto;margin:auto}\
dialog{width:34em}\
dialog:not([open]){display:block;visibility:hidden;position:fixed;inset-block:0;max-height:calc(100% - 6px - 2em);overflow:auto}\
::backdrop{background:#0009}\
h2{font-size:1.25em;margin:0}\
p{font-size:.875em;margin:.5em 0}\
a{color:inherit}\
button,input{font:inherit}\
button{flex:1 1 9em;min-height:2.5em;padding:0 1em;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--af)}\
[part~=settings],[part~=floating],[part~=close],[part~=copy]{background:var(--b);color:inherit}\
[part~=close]{flex:0 0 2.5em;border:0}\
[part~=actions],[part~=head],label{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;justify-content:space-between;font-weight:600}\
[part~=actions]{margin-top:1em}\
[part~=notice]{border-inline-start:.25em solid var(--a);padding-inline-start:.5em}\
[part~=category]{border-top:1px solid #8886;margin-top:.5em;padding-top:.5em}\
[part~=services]{padding-inline-start:1em}\
details{overflow-x:auto;padding:2px}\
table{border-collapse:collapse;width:100%;font-size:.875em}\
caption,th,td{text-align:start;vertical-align:top;padding:.25em}\
td:first-child{overflow-wrap:anywhere;unicode-bidi:plaintext}\
tr{border-bottom:1px solid #8886}\
input{appearance:none;margin:0;width:2.75em;height:1.5em;border-radius:1em;background:radial-gradient(circle,var(--b) .5em,#0000 0) 0/1.5em no-repeat #767676}\
:checked{background-position:100%;background-color:var(--a)}\
[dir=rtl] input{scale:-1 1}\
:disabled{opacity:.6}\
:focus-visible{outline:2px solid var(--f)}\
@media(prefers-reduced-motion:no-preference){input{transition:.2s}}`
