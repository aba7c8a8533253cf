// The Spanish translations as one tree: the shared file and the feature files.
import shared from './es.json';
import resources from './features/resources.es.json';
import risks from './features/risks.es.json';
import results from './features/results.es.json';
import accountability from './features/accountability.es.json';
import { merge } from './merge';

export default merge(shared, resources, risks, results, accountability);
