// A stand-in for an analytics vendor's tag: counts visits and says so on the page.
;(function () {
  var visits = Number(localStorage.getItem('demo_visits') || 0) + 1
  localStorage.setItem('demo_visits', String(visits))
  document.cookie = '_demo_a=' + visits + '; Path=/; Max-Age=15552000; SameSite=Lax'
  document.cookie = '_demo_a_session=' + Date.now().toString(36) + '; Path=/; SameSite=Lax'
  var item = document.createElement('li')
  item.className = 'analytics'
  item.textContent = 'Analytics tag ran — visit #' + visits + ', set cookies _demo_a and _demo_a_session'
  document.getElementById('tag-log').appendChild(item)
})()
