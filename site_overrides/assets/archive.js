// Paragraph permalinks: a click on ¶ goes to the paragraph and copies its address.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.tx-para__link");
  if (!link || !navigator.clipboard) return;
  var url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(function () {
    link.classList.add("tx-copied");
    setTimeout(function () { link.classList.remove("tx-copied"); }, 1500);
  }, function () { /* no clipboard permission: the link still navigates */ });
});
