// Lists dataLayer entries as they arrive: consent defaults, updates and consentry_update events.
;(function () {
  var list = document.getElementById('data-layer')
  var shown = 0
  function describe(entry) {
    if (entry && entry.event) return 'event ' + entry.event + ' ' + JSON.stringify(entry.consentry || {})
    return Array.prototype.slice
      .call(entry)
      .map(function (part) {
        return typeof part == 'object' ? JSON.stringify(part) : String(part)
      })
      .join(' ')
  }
  function render() {
    for (; shown < window.dataLayer.length; shown++) {
      var item = document.createElement('li')
      item.textContent = describe(window.dataLayer[shown])
      list.appendChild(item)
    }
  }
  render()
  setInterval(render, 250)
})()
