// The job dashboard's dates in Chinese. Hangfire takes moment's locale from <html lang>, which it writes as the
// two-letter "zh" that moment does not know (it would fall back to English); zh-cn is set before the page starts.
// Dates read as the service's pages write them (2026年12月5日 14:30:05), not with slashes.
(function () {
    if (!window.moment || !window.Hangfire) return;
    moment.updateLocale('zh-cn', {
        longDateFormat: {
            LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'YYYY年M月D日', LL: 'YYYY年M月D日', LLL: 'YYYY年M月D日 HH:mm', LLLL: 'YYYY年M月D日dddd HH:mm',
            l: 'YYYY年M月D日', ll: 'YYYY年M月D日', lll: 'YYYY年M月D日 HH:mm', llll: 'YYYY年M月D日 ddd HH:mm'
        }
    });
    Hangfire.config.locale = 'zh-cn';

    // Words Hangfire writes without going through its resources.
    var words = {
        'Job expired.': '任务已过期。',
        'Triggered via Dashboard UI': '在后台任务页手动触发',
        'No active servers found. Jobs will not be processed.': '没有运行中的任务服务器，任务不会被执行。',
        // The states in a job's history, written as stored.
        'Enqueued': '已入队', 'Scheduled': '已计划', 'Processing': '执行中', 'Succeeded': '已完成', 'Failed': '失败',
        'Deleted': '已删除', 'Awaiting': '等待中'
    };
    $(function () {
        $('em, td, dd, span, p, div.alert, h4.state-card-title').contents().filter(function () { return this.nodeType === 3; }).each(function () {
            var text = $.trim(this.nodeValue);
            if (words.hasOwnProperty(text)) this.nodeValue = this.nodeValue.replace(text, words[text]);
        });
    });
})();
