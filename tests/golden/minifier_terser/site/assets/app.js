/* Copyright me */
(function () {
  var unused = 1;
  var list = [1, 2, 3];
  console.info(list);
  window.total = list.reduce(function (a, b) { return a + b; }, 0);
})();
