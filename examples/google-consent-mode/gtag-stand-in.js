// A stand-in for gtag.js: reads the consent state the way Google's tags would.
;(function () {
  var status = document.getElementById('tag-status')
  var consent = {}
  for (var i = 0; i < window.dataLayer.length; i++) {
    var entry = window.dataLayer[i]
    if (entry && entry[0] === 'consent') for (var k in entry[2]) consent[k] = entry[2][k]
  }
  status.textContent =
    'Google tag: loaded; analytics_storage is ' +
    consent.analytics_storage +
    ', ad_storage is ' +
    consent.ad_storage +
    '.'
})()
