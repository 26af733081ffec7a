// Shows what window.consentry says, live: on load and on every consentry:change event.
;(function () {
  function render() {
    var box = document.getElementById('consent-state')
    var consent = window.consentry
    if (!box || !consent) return
    var record = consent.record()
    box.textContent = JSON.stringify(
      { decided: consent.decided, choices: consent.get(), method: record && record.method, id: record && record.id },
      null,
      2,
    )
  }
  document.addEventListener('consentry:ready', render)
  document.addEventListener('consentry:change', render)
  render()
})()
