// `:host` with `!important` beats any page rule on the host (inner-context important
// declarations win the cascade), and `all: initial` stops inherited page styles such as
// `*{visibility:hidden}` from reaching the UI. Custom properties still inherit: theming.
const dark = '--b:var(--consentry-bg,#1f1f1f);--f:var(--consentry-fg,#ececec);--a:var(--consentry-accent,#9ec1ff);--af:var(--consentry-accent-fg,#111)'

export const css = `:host{all:initial!important;display:contents!important;--b:var(--consentry-bg,#fff);--f:var(--consentry-fg,#1f1f1f);--a:var(--consentry-accent,#0b57d0);--af:var(--consentry-accent-fg,#fff);--r:var(--consentry-radius,.5em);--s:var(--consentry-space,1em)}
:host([theme=dark]){${dark}}
@media(prefers-color-scheme:dark){:host([theme=auto]){${dark}}}
section,dialog,[part~=floating]{font:medium/1.5 var(--consentry-font,system-ui,sans-serif);color:var(--f);background:var(--b);border:1px solid #8888;border-radius:var(--r)}
section,dialog{box-sizing:border-box;padding:var(--s);max-height:calc(100% - 1em);overflow:auto}
section,[part~=floating]{position:fixed;z-index:2147483647;bottom:.5em;inset-inline-start:.5em;box-shadow:0 0 1em #0006}
section{left:.5em;right:.5em;max-width:44em;margin:auto}
dialog{width:36em;max-width:calc(100% - 1em)}
::backdrop{background:#0009}
h2{font-size:1.25em;margin:0}
p{margin:.5em 0}
a{color:inherit}
button,input{font:inherit}
button{flex:1 1 9em;min-height:2.5em;padding:0 1em;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--af)}
[part~=actions],[part~=head],label{display:flex;gap:.5em;align-items:center;justify-content:space-between}
[part~=actions]{flex-wrap:wrap;margin-top:var(--s)}
[part~=settings],[part~=close]{background:0;color:inherit}
[part~=close]{flex:0 0 2.5em;padding:0;font-size:1.25em;border:0}
[part~=notice]{border-inline-start:.25em solid var(--a);padding-inline-start:.5em}
[part~=category]{border-top:1px solid #8886;margin-top:.5em;padding-top:.5em}
[part~=services]{padding-inline-start:var(--s)}
label{font-weight:600}
[part~=services] label{font-weight:400}
[part~=description]{font-size:.875em}
input{appearance:none;flex:none;margin:0;width:2.75em;height:1.5em;border-radius:1em;background:radial-gradient(circle,var(--b) .5em,#0000 0) 0/1.5em no-repeat #767676}
input:checked{background-position:100%;background-color:var(--a)}
[dir=rtl] input{scale:-1 1}
:disabled{opacity:.6}
:focus-visible{outline:2px solid var(--f);outline-offset:2px}
@media(prefers-reduced-motion:no-preference){input{transition:.2s}}`

/**
 * Styles `root` with a constructable stylesheet, which `style-src 'self'` allows without
 * a nonce; a `<style nonce>` only where constructable sheets are missing.
 */
export function adoptStyles(root: ShadowRoot, nonce?: string): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const style = document.createElement('style')
    if (nonce) style.nonce = nonce
    style.textContent = css
    root.append(style)
  }
}
